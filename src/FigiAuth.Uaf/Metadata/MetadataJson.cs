using System.Globalization;
using System.Text.Json;

namespace FigiAuth.Uaf.Metadata;

/// <summary>Typed member access for metadata JSON; every mismatch is a <see cref="MetadataFormatException"/>.</summary>
internal static class MetadataJson
{
    public static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new MetadataFormatException($"not valid JSON: {e.Message}", e);
        }
    }

    public static JsonElement RequireObject(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Object
            ? element
            : throw new MetadataFormatException($"{what} must be a JSON object, found {element.ValueKind}");

    /// <summary>The member, or null when it is absent or JSON null.</summary>
    public static JsonElement? Member(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string? OptionalString(JsonElement obj, string name) =>
        Member(obj, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } v => v.GetString(),
            var v => throw Mismatch(name, "a string", v.Value),
        };

    public static string RequiredString(JsonElement obj, string name) =>
        OptionalString(obj, name) is { Length: > 0 } s
            ? s
            : throw new MetadataFormatException($"'{name}' is required and must be a non-empty string");

    public static long? OptionalInteger(JsonElement obj, string name, long max) =>
        Member(obj, name) is { } v ? Integer(v, name, max) : null;

    public static long Integer(JsonElement value, string name, long max) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= 0 && n <= max
            ? n
            : throw Mismatch(name, $"an integer in 0..{max}", value);

    /// <summary>
    /// A boolean; the strings "true"/"false" are accepted on purpose because the Metadata
    /// Statements v1.1 example itself writes <c>"isSecondFactorOnly": "false"</c>.
    /// </summary>
    public static bool? OptionalBoolean(JsonElement obj, string name) =>
        Member(obj, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            { ValueKind: JsonValueKind.String } v when v.GetString() is "true" => true,
            { ValueKind: JsonValueKind.String } v when v.GetString() is "false" => false,
            var v => throw Mismatch(name, "a boolean", v.Value),
        };

    public static IReadOnlyList<JsonElement> OptionalArray(JsonElement obj, string name) =>
        Member(obj, name) switch
        {
            null => [],
            { ValueKind: JsonValueKind.Array } v => [.. v.EnumerateArray()],
            var v => throw Mismatch(name, "an array", v.Value),
        };

    public static IReadOnlyList<string> OptionalStringArray(JsonElement obj, string name) =>
        [.. OptionalArray(obj, name).Select(e => e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw Mismatch(name, "an array of strings", e))];

    /// <summary>A YYYY-MM-DD date.</summary>
    public static DateOnly? OptionalDate(JsonElement obj, string name) =>
        OptionalString(obj, name) switch
        {
            null or "" => null,
            var s => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new MetadataFormatException($"'{name}' must be a YYYY-MM-DD date, found '{s}'"),
        };

    /// <summary>Standard (not url) base64, as metadata uses for DER certificates.</summary>
    public static byte[] Base64(string text, string name)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new MetadataFormatException($"'{name}' must be standard base64", e);
        }
    }

    public static MetadataFormatException Mismatch(string name, string expected, JsonElement found) =>
        new($"'{name}' must be {expected}, found {found.ValueKind}");
}
