using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>UAF operation. Wire spellings are exact-case: "REG" or "reg" are not operations.</summary>
[JsonConverter(typeof(UafOperationJsonConverter))]
public enum UafOperation
{
    Reg,
    Auth,
    Dereg,
}
