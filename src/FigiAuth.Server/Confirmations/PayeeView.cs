using System.Text.Json.Serialization;

namespace FigiAuth.Server.Confirmations;

public sealed record PayeeView(string Name, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Account);
