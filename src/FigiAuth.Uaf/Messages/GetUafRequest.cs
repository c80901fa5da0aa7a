using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>Transport binding: what a client POSTs to <c>/get</c>. <see cref="Context"/> is a JSON string.</summary>
public sealed record GetUafRequest(
    [property: JsonPropertyName("op")] UafOperation? Op = null,
    [property: JsonPropertyName("previousRequest")] string? PreviousRequest = null,
    [property: JsonPropertyName("context")] string? Context = null);
