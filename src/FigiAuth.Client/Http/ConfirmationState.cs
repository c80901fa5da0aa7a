using System.Text.Json.Serialization;

namespace FigiAuth.Client.Http;

/// <summary>
/// A DFS confirmation as FigiAuth answers a reject (the shape of <c>GET /confirmations/v1/{id}</c>,
/// docs/integration.md): answeredAt, method, authenticator and receipt only once it left <c>pending</c>.
/// </summary>
public sealed record ConfirmationState
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("status")] public required ConfirmationStatus Status { get; init; }
    [JsonPropertyName("displayText")] public string? DisplayText { get; init; }
    [JsonPropertyName("amount")] public string? Amount { get; init; }
    [JsonPropertyName("currency")] public string? Currency { get; init; }
    [JsonPropertyName("payee")] public PendingConfirmationPayee? Payee { get; init; }
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; init; }
    [JsonPropertyName("expiresAt")] public DateTimeOffset? ExpiresAt { get; init; }
    [JsonPropertyName("answeredAt")] public DateTimeOffset? AnsweredAt { get; init; }
    /// <summary><c>uaf</c> or <c>passkey</c> once confirmed.</summary>
    [JsonPropertyName("method")] public string? Method { get; init; }
    /// <summary>The AAID (UAF) or AAGUID (passkey) that confirmed.</summary>
    [JsonPropertyName("authenticator")] public string? Authenticator { get; init; }
    [JsonPropertyName("receipt")] public string? Receipt { get; init; }
}
