using System.Text.Json.Serialization;

namespace FigiAuth.Samples.FigiAuthApi;

public sealed record Payee(string Name, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Account);
