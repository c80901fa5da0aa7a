using System.Text.Json.Serialization;

namespace FigiAuth.Server.Tokens;

/// <summary>A public EC JWK (RFC 7517/7518).</summary>
public sealed record JsonWebKeyDocument(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("crv")] string Crv,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Alg);
