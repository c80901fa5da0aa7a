using System.Buffers.Binary;
using System.IO.Compression;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// Renders transaction text as a PNG for authenticators that display images (UAF-REQ-03): black text in a built-in
/// 5x7 bitmap font, scaled up and word-wrapped, on white, at exactly the width, height, colour type and bit depth of
/// one <c>tcDisplayPNGCharacteristics</c> entry. Supported: bit depth 8 with colour type 0 (grey), 2 (RGB),
/// 4 (grey + alpha) or 6 (RGBA), no interlace; anything else yields null (no PNG form for that display).
/// </summary>
internal static class TransactionPng
{
    const int GlyphWidth = 5, GlyphHeight = 7, Margin = 4;
    const int MaxPixels = 4096 * 4096;

    public static byte[]? Render(string text, DisplayPngCharacteristicsDescriptor display)
    {
        var channels = display.ColorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
        if (channels == 0 || display.BitDepth != 8 || display.Interlace != 0 || display.Compression != 0 || display.Filter != 0
            || display.Width is 0 or > 4096 || display.Height is 0 or > 4096 || (long)display.Width * display.Height > MaxPixels)
        {
            return null;
        }

        int width = (int)display.Width, height = (int)display.Height;
        var ink = new bool[width * height];
        Draw(text, width, height, ink);
        return Encode(width, height, display.ColorType, channels, ink);
    }

    /// <summary>Largest scale (3, 2, 1) at which the wrapped text fits; lines that still do not fit are cut.</summary>
    static void Draw(string text, int width, int height, bool[] ink)
    {
        for (var scale = 3; scale >= 1; scale--)
        {
            var columns = Math.Max(1, (width - 2 * Margin) / ((GlyphWidth + 1) * scale));
            var lines = Wrap(text, columns);
            var lineHeight = (GlyphHeight + 2) * scale;
            if (lines.Count * lineHeight <= height - 2 * Margin || scale == 1)
            {
                for (var i = 0; i < lines.Count && Margin + (i + 1) * lineHeight <= height; i++)
                {
                    for (var c = 0; c < lines[i].Length; c++)
                    {
                        DrawGlyph(lines[i][c], Margin + c * (GlyphWidth + 1) * scale, Margin + i * lineHeight, scale, width, ink);
                    }
                }

                return;
            }
        }
    }

    static List<string> Wrap(string text, int columns)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var rest = word;
            while (rest.Length > columns)
            {
                if (line.Length > 0) { lines.Add(line); line = ""; }
                lines.Add(rest[..columns]);
                rest = rest[columns..];
            }

            if (line.Length == 0) line = rest;
            else if (line.Length + 1 + rest.Length <= columns) line += " " + rest;
            else { lines.Add(line); line = rest; }
        }

        lines.Add(line);
        return lines;
    }

    static void DrawGlyph(char ch, int x0, int y0, int scale, int width, bool[] ink)
    {
        var glyph = BitmapFont.Glyph(ch);
        for (var col = 0; col < GlyphWidth; col++)
        {
            for (var row = 0; row < GlyphHeight; row++)
            {
                if ((glyph[col] & (1 << row)) == 0) continue;
                for (var dy = 0; dy < scale; dy++)
                {
                    for (var dx = 0; dx < scale; dx++)
                    {
                        var x = x0 + col * scale + dx;
                        var index = (y0 + row * scale + dy) * width + x;
                        if (x < width && index < ink.Length) ink[index] = true;
                    }
                }
            }
        }
    }

    static byte[] Encode(int width, int height, byte colorType, int channels, bool[] ink)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = colorType;
        WriteChunk(png, "IHDR"u8, header);

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var scanline = new byte[1 + width * channels]; // filter byte 0 (None), then pixels
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var value = ink[y * width + x] ? (byte)0x00 : (byte)0xFF;
                    var offset = 1 + x * channels;
                    for (var c = 0; c < channels; c++)
                    {
                        // Alpha (last channel of types 4 and 6) is always opaque.
                        scanline[offset + c] = colorType is 4 or 6 && c == channels - 1 ? (byte)0xFF : value;
                    }
                }

                zlib.Write(scanline);
            }
        }

        WriteChunk(png, "IDAT"u8, compressed.ToArray());
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    static void WriteChunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(type);
        png.Write(data);
        var crc = Crc32.Update(Crc32.Update(0xFFFFFFFFu, type), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(number, crc);
        png.Write(number);
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, polynomial 0xEDB88320).</summary>
    static class Crc32
    {
        static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
        {
            var c = (uint)n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            return c;
        }).ToArray();

        public static uint Update(uint crc, ReadOnlySpan<byte> data)
        {
            foreach (var b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            return crc;
        }
    }
}
