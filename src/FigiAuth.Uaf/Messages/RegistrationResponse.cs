using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

public sealed record RegistrationResponse(
    [property: JsonPropertyName("header")] OperationHeader Header,
    [property: JsonPropertyName("fcParams")] string FcParams,
    [property: JsonPropertyName("assertions")] IReadOnlyList<AuthenticatorRegistrationAssertion> Assertions);
