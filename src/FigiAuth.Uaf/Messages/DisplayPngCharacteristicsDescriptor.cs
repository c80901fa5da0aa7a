using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>What PNG a transaction-confirmation display can show (UAF Protocol / Metadata Statements).</summary>
public sealed record DisplayPngCharacteristicsDescriptor
{
    [JsonPropertyName("width")] public uint Width { get; init; }
    [JsonPropertyName("height")] public uint Height { get; init; }
    [JsonPropertyName("bitDepth")] public byte BitDepth { get; init; }
    [JsonPropertyName("colorType")] public byte ColorType { get; init; }
    [JsonPropertyName("compression")] public byte Compression { get; init; }
    [JsonPropertyName("filter")] public byte Filter { get; init; }
    [JsonPropertyName("interlace")] public byte Interlace { get; init; }
    [JsonPropertyName("plte")] public IReadOnlyList<RgbPaletteEntry>? Plte { get; init; }
}
