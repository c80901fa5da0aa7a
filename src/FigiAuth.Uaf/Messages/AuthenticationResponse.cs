using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

public sealed record AuthenticationResponse(
    [property: JsonPropertyName("header")] OperationHeader Header,
    [property: JsonPropertyName("fcParams")] string FcParams,
    [property: JsonPropertyName("assertions")] IReadOnlyList<AuthenticatorSignAssertion> Assertions);
