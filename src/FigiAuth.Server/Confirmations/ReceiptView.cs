namespace FigiAuth.Server.Confirmations;

public sealed record ReceiptView(string ConfirmationId, string Receipt);
