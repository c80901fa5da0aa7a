namespace FigiAuth.Server.Confirmations;

/// <summary>A validated request to create a confirmation (amount already in minor units).</summary>
public sealed record NewConfirmation(
    Guid UserId,
    string ClientId,
    long AmountMinor,
    int CurrencyExponent,
    string Currency,
    string PayeeName,
    string? PayeeAccount,
    TimeSpan Lifetime,
    string? CallbackUrl);
