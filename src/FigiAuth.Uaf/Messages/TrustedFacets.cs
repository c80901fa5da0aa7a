using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>The facet IDs trusted for one protocol version.</summary>
public sealed record TrustedFacets(
    [property: JsonPropertyName("version")] UafVersion Version,
    [property: JsonPropertyName("ids")] IReadOnlyList<string> Ids);
