using FigiAuth.Uaf.Tlv;

namespace FigiAuth.Uaf.Tests.Support;

/// <summary>Small TLV helpers for building (and breaking) assertions.</summary>
public static class TestTlv
{
    public static byte[] Element(ushort tag, ReadOnlySpan<byte> value) => new UafTlvWriter().Write(tag, value).ToArray();

    public static byte[] Composite(ushort tag, params byte[][] children)
    {
        var writer = new UafTlvWriter().BeginComposite(tag);
        foreach (var child in children)
            writer.WriteRaw(child);
        return writer.EndComposite().ToArray();
    }

    public static byte[] Extension(ushort tag, string id, byte[] data) =>
        Composite(tag, Element(UafTag.ExtensionId, System.Text.Encoding.UTF8.GetBytes(id)), Element(UafTag.ExtensionData, data));

    public static byte[] UInt16(ushort value) => [(byte)value, (byte)(value >> 8)];

    public static byte[] UInt32(uint value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];
}
