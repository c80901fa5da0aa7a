namespace FigiAuth.Server.Confirmations;

/// <summary>The outcome of a successful answer: the receipt JWS (also stored on the confirmation).</summary>
public sealed record ConfirmationReceipt(string ConfirmationId, string Receipt, DateTimeOffset ConfirmedAt);
