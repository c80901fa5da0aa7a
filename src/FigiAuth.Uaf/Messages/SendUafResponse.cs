using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>Transport binding: what a client POSTs to <c>/respond</c>. <see cref="UafResponse"/> is the stringified message array.</summary>
public sealed record SendUafResponse(
    [property: JsonPropertyName("uafResponse")] string UafResponse,
    [property: JsonPropertyName("context")] string? Context = null);
