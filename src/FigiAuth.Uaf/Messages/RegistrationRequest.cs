using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

public sealed record RegistrationRequest(
    [property: JsonPropertyName("header")] OperationHeader Header,
    [property: JsonPropertyName("challenge")] string Challenge,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("policy")] UafPolicy Policy);
