using System.Text.Json.Serialization;

namespace FigiAuth.Server.Tokens;

public sealed record JsonWebKeySetDocument([property: JsonPropertyName("keys")] IReadOnlyList<JsonWebKeyDocument> Keys);
