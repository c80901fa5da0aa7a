namespace FigiAuth.Samples.FigiAuthApi;

/// <summary>The claims of a receipt that verified and matched the payment; <see cref="ClaimsJson"/> is the whole payload.</summary>
public sealed record VerifiedReceipt(
    string ConfirmationId,
    string Subject,
    string Amount,
    string Currency,
    Payee Payee,
    string DisplayText,
    string? Method,
    string? Authenticator,
    DateTimeOffset? ConfirmedAt,
    string ClaimsJson);
