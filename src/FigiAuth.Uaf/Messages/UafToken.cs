using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>A token in <see cref="ServerResponse.AdditionalTokens"/>; <see cref="Type"/> is one of <see cref="UafTokenTypes"/>.</summary>
public sealed record UafToken(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value);
