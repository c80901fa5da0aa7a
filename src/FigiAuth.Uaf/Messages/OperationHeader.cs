using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>UAF OperationHeader: clients copy the request header verbatim into the response.</summary>
public sealed record OperationHeader(
    [property: JsonPropertyName("upv")] UafVersion Upv,
    [property: JsonPropertyName("op")] UafOperation Op,
    [property: JsonPropertyName("appID")] string? AppId = null,
    [property: JsonPropertyName("serverData")] string? ServerData = null,
    [property: JsonPropertyName("exts")] IReadOnlyList<UafExtension>? Exts = null);
