namespace FigiAuth.Samples.FigiAuthApi;

/// <summary>A confirmation as FigiAuth answers it (GET /confirmations/v1/{id}); Receipt only once confirmed.</summary>
public sealed record Confirmation(
    string Id,
    string Status,
    string DisplayText,
    string Amount,
    string Currency,
    Payee Payee,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AnsweredAt = null,
    string? Method = null,
    string? Authenticator = null,
    string? Receipt = null)
{
    public const string Pending = "pending", Confirmed = "confirmed", Rejected = "rejected", Expired = "expired", Cancelled = "cancelled";
}
