using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

public sealed record AuthenticationRequest(
    [property: JsonPropertyName("header")] OperationHeader Header,
    [property: JsonPropertyName("challenge")] string Challenge,
    [property: JsonPropertyName("policy")] UafPolicy Policy,
    [property: JsonPropertyName("transaction")] IReadOnlyList<Transaction>? Transaction = null);
