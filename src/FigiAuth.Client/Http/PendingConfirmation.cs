using System.Text.Json.Serialization;

namespace FigiAuth.Client.Http;

/// <summary>A DFS confirmation waiting for the user's answer (<c>GET /confirmations/v1/pending</c>).</summary>
public sealed record PendingConfirmation
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("amount")] public decimal? Amount { get; init; }
    [JsonPropertyName("currency")] public string? Currency { get; init; }
    [JsonPropertyName("payee")] public string? Payee { get; init; }
    [JsonPropertyName("requestedBy")] public string? RequestedBy { get; init; }
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; init; }
    [JsonPropertyName("expiresAt")] public DateTimeOffset? ExpiresAt { get; init; }
}
