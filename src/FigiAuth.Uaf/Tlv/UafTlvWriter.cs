using System.Buffers.Binary;

namespace FigiAuth.Uaf.Tlv;

/// <summary>
/// Writes UAFV1TLV. Composite elements are opened with <see cref="BeginComposite"/> and closed with
/// <see cref="EndComposite"/>, which patches the length once the children are written.
/// </summary>
public sealed class UafTlvWriter
{
    private readonly Stack<(ushort Tag, int Start)> _open = new();
    private byte[] _buffer = new byte[256];
    private int _length;

    public int Length => _length;

    public UafTlvWriter Write(ushort tag, ReadOnlySpan<byte> value)
    {
        if (value.Length > ushort.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(value), $"TLV 0x{tag:X4} value exceeds 65535 bytes");
        WriteHeader(tag, (ushort)value.Length);
        WriteRaw(value);
        return this;
    }

    public UafTlvWriter WriteUInt16(ushort tag, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return Write(tag, bytes);
    }

    public UafTlvWriter WriteUInt32(ushort tag, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return Write(tag, bytes);
    }

    /// <summary>Appends bytes that are already TLV-encoded (e.g. a signed KRD element).</summary>
    public UafTlvWriter WriteRaw(ReadOnlySpan<byte> encoded)
    {
        encoded.CopyTo(Reserve(encoded.Length));
        return this;
    }

    public UafTlvWriter BeginComposite(ushort tag)
    {
        if (!UafTag.IsComposite(tag))
            throw new ArgumentException($"tag 0x{tag:X4} is not composite", nameof(tag));
        _open.Push((tag, _length));
        WriteHeader(tag, 0);
        return this;
    }

    public UafTlvWriter EndComposite()
    {
        var (tag, start) = _open.Pop();
        var length = _length - start - UafTlvReader.HeaderSize;
        if (length > ushort.MaxValue)
            throw new InvalidOperationException($"TLV 0x{tag:X4} value exceeds 65535 bytes");
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(start + 2, 2), (ushort)length);
        return this;
    }

    public byte[] ToArray()
    {
        if (_open.Count != 0)
            throw new InvalidOperationException($"{_open.Count} composite TLV elements are still open");
        return _buffer.AsSpan(0, _length).ToArray();
    }

    private void WriteHeader(ushort tag, ushort length)
    {
        var span = Reserve(UafTlvReader.HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(span, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], length);
    }

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
