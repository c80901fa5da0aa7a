using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>A UAF extension in JSON form; all three members are required on the wire.</summary>
public sealed record UafExtension(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("fail_if_unknown")] bool FailIfUnknown);
