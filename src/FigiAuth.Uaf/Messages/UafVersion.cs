using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>UAF protocol version, <c>{"major":1,"minor":1}</c>.</summary>
public sealed record UafVersion(
    [property: JsonPropertyName("major")] ushort Major,
    [property: JsonPropertyName("minor")] ushort Minor)
{
    public static UafVersion V1_0 { get; } = new(1, 0);
    public static UafVersion V1_1 { get; } = new(1, 1);

    public override string ToString() => $"{Major}.{Minor}";
}
