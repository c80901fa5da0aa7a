namespace FigiAuth.Server.Confirmations;

internal sealed record ValidatedConfirmationRequest(
    string? Username,
    string? Phone,
    long AmountMinor,
    int CurrencyExponent,
    string Currency,
    string PayeeName,
    string? PayeeAccount,
    TimeSpan Lifetime,
    string? CallbackUrl);
