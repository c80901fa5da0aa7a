using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

public sealed record AuthenticatorRegistrationAssertion(
    [property: JsonPropertyName("assertionScheme")] string AssertionScheme,
    [property: JsonPropertyName("assertion")] string Assertion,
    [property: JsonPropertyName("tcDisplayPNGCharacteristics")] IReadOnlyList<DisplayPngCharacteristicsDescriptor>? TcDisplayPngCharacteristics = null,
    [property: JsonPropertyName("exts")] IReadOnlyList<UafExtension>? Exts = null);
