using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>One palette entry of <see cref="DisplayPngCharacteristicsDescriptor.Plte"/>.</summary>
public sealed record RgbPaletteEntry(
    [property: JsonPropertyName("r")] ushort R,
    [property: JsonPropertyName("g")] ushort G,
    [property: JsonPropertyName("b")] ushort B);
