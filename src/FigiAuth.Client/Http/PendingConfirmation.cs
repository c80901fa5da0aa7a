using System.Text.Json.Serialization;

namespace FigiAuth.Client.Http;

/// <summary>
/// A DFS confirmation waiting for the user's answer, as <c>GET /confirmations/v1/pending</c> lists it
/// (docs/integration.md): the amount is a string in the currency's exact minor units, never a number;
/// amount, currency and payee are absent for in-band confirmations.
/// </summary>
public sealed record PendingConfirmation
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("displayText")] public string? DisplayText { get; init; }
    [JsonPropertyName("amount")] public string? Amount { get; init; }
    [JsonPropertyName("currency")] public string? Currency { get; init; }
    [JsonPropertyName("payee")] public PendingConfirmationPayee? Payee { get; init; }
    [JsonPropertyName("clientId")] public string? ClientId { get; init; }
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; init; }
    [JsonPropertyName("expiresAt")] public DateTimeOffset? ExpiresAt { get; init; }
}
