using System.IO.Compression;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Uaf.Tests.Support;

/// <summary>A valid 2x1 8-bit greyscale PNG, made here (signature, IHDR, IDAT, IEND with CRCs).</summary>
public static class TestPng
{
    public static DisplayPngCharacteristicsDescriptor Characteristics { get; } = new()
    {
        Width = 2, Height = 1, BitDepth = 8, ColorType = 0, Compression = 0, Filter = 0, Interlace = 0,
    };

    public static byte[] Create()
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [0, 0, 0, 2, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
        using (var raw = new MemoryStream())
        {
            using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
                z.Write([0x00, 0x00, 0xFF]);
            Chunk(png, "IDAT", raw.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        byte[] typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write([(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length]);
        output.Write(typeBytes);
        output.Write(data);
        var crc = Crc32([.. typeBytes, .. data]);
        output.Write([(byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
