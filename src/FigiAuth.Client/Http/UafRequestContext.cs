using System.Text.Json.Serialization;

namespace FigiAuth.Client.Http;

/// <summary>
/// The application <c>context</c> of GetUAFRequest/SendUAFResponse (sent as a JSON string):
/// the conformance adapter's members plus FigiAuth's <c>confirmationId</c>.
/// </summary>
public sealed record UafRequestContext
{
    [JsonPropertyName("username")] public string? Username { get; init; }
    [JsonPropertyName("transaction")] public string? Transaction { get; init; }
    [JsonPropertyName("confirmationId")] public string? ConfirmationId { get; init; }
    [JsonPropertyName("deregisterAAID")] public string? DeregisterAaid { get; init; }
    [JsonPropertyName("deregisterAll")] public bool? DeregisterAll { get; init; }

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, ClientJsonContext.Default.UafRequestContext);
}
