using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

public sealed record AuthenticatorSignAssertion(
    [property: JsonPropertyName("assertionScheme")] string AssertionScheme,
    [property: JsonPropertyName("assertion")] string Assertion,
    [property: JsonPropertyName("exts")] IReadOnlyList<UafExtension>? Exts = null);
