using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>Transport binding: the answer to <c>/get</c>. <see cref="UafRequest"/> is the stringified message array.</summary>
public sealed record ReturnUafRequest(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("uafRequest")] string? UafRequest = null,
    [property: JsonPropertyName("op")] UafOperation? Op = null,
    [property: JsonPropertyName("lifetimeMillis")] long? LifetimeMillis = null);
