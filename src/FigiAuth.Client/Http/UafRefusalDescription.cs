using System.Text.Json.Serialization;

namespace FigiAuth.Client.Http;

/// <summary>
/// The plain-words <c>description</c> FigiAuth adds to a refused ReturnUAFRequest (the spec's record has no
/// such member, so it is read from the same answer separately).
/// </summary>
internal sealed record UafRefusalDescription([property: JsonPropertyName("description")] string? Description = null);
