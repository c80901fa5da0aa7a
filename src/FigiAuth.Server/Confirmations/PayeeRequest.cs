namespace FigiAuth.Server.Confirmations;

/// <summary>Who is paid: a display name and optionally an account number or phone.</summary>
public sealed record PayeeRequest(string? Name, string? Account);
