using System.Buffers.Binary;

namespace FigiAuth.Uaf.Tlv;

/// <summary>
/// Forward-only, bounds-checked reader of a UAFV1TLV sequence (tag and length are UINT16 LE).
/// It never allocates: elements are slices of the input. Any overrun or truncation throws
/// <see cref="UafFormatException"/> carrying the step ID given at construction.
/// </summary>
public ref struct UafTlvReader
{
    public const int HeaderSize = 4;

    private readonly ReadOnlySpan<byte> _data;
    private readonly string _stepId;
    private int _position;

    public UafTlvReader(ReadOnlySpan<byte> data, string stepId)
    {
        _data = data;
        _stepId = stepId;
        _position = 0;
    }

    /// <summary>True when every byte has been consumed.</summary>
    public readonly bool End => _position == _data.Length;

    public readonly int Position => _position;

    /// <summary>Reads the next element; throws when fewer bytes remain than its header declares.</summary>
    public UafTlvElement Read()
    {
        var remaining = _data.Length - _position;
        if (remaining < HeaderSize)
            throw new UafFormatException(_stepId, $"truncated TLV header at offset {_position}");
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(_data[_position..]);
        var length = BinaryPrimitives.ReadUInt16LittleEndian(_data[(_position + 2)..]);
        if (length > remaining - HeaderSize)
            throw new UafFormatException(_stepId, $"TLV 0x{tag:X4} declares {length} bytes but {remaining - HeaderSize} remain");
        var raw = _data.Slice(_position, HeaderSize + length);
        _position += HeaderSize + length;
        return new UafTlvElement(tag, raw);
    }

    /// <summary>
    /// Reads the only element of <paramref name="data"/>, which must carry <paramref name="expectedTag"/>
    /// and span every byte (UAF: trailing bytes are a reject).
    /// </summary>
    public static UafTlvElement ReadSingle(ReadOnlySpan<byte> data, ushort expectedTag, string stepId)
    {
        var reader = new UafTlvReader(data, stepId);
        var element = reader.Read();
        if (element.Tag != expectedTag)
            throw new UafFormatException(stepId, $"expected TLV 0x{expectedTag:X4}, found 0x{element.Tag:X4}");
        if (!reader.End)
            throw new UafFormatException(stepId, $"{data.Length - reader.Position} trailing bytes after TLV 0x{expectedTag:X4}");
        return element;
    }
}
