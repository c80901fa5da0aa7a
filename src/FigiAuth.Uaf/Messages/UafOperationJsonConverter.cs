using System.Text.Json;
using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>
/// Reads and writes <see cref="UafOperation"/> with exact case. The built-in enum converter is
/// case-insensitive and accepts numbers, both of which UAF forbids.
/// </summary>
public sealed class UafOperationJsonConverter : JsonConverter<UafOperation>
{
    public override UafOperation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadExact(ref reader);

    /// <summary>The operation the reader's current token names, exactly; a JsonException for anything else.</summary>
    internal static UafOperation ReadExact(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException("op must be a string");
        if (reader.ValueTextEquals("Reg"u8))
            return UafOperation.Reg;
        if (reader.ValueTextEquals("Auth"u8))
            return UafOperation.Auth;
        if (reader.ValueTextEquals("Dereg"u8))
            return UafOperation.Dereg;
        throw new JsonException("op must be exactly \"Reg\", \"Auth\" or \"Dereg\"");
    }

    public override void Write(Utf8JsonWriter writer, UafOperation value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value switch
        {
            UafOperation.Reg => "Reg",
            UafOperation.Auth => "Auth",
            UafOperation.Dereg => "Dereg",
            _ => throw new JsonException($"unknown operation {value}"),
        });
}
