using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>Transport binding: the answer to <c>/respond</c>.</summary>
public sealed record ServerResponse(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("description")] string? Description = null,
    [property: JsonPropertyName("additionalTokens")] IReadOnlyList<UafToken>? AdditionalTokens = null,
    [property: JsonPropertyName("location")] string? Location = null,
    [property: JsonPropertyName("postData")] string? PostData = null,
    [property: JsonPropertyName("newUAFRequest")] string? NewUafRequest = null);
