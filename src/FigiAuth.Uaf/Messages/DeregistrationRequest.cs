using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

public sealed record DeregistrationRequest(
    [property: JsonPropertyName("header")] OperationHeader Header,
    [property: JsonPropertyName("authenticators")] IReadOnlyList<DeregisterAuthenticator> Authenticators);
