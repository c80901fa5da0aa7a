namespace FigiAuth.Uaf.Tlv;

/// <summary>One UAFV1TLV element: tag, value, and the raw bytes including the 4-byte header.</summary>
public readonly ref struct UafTlvElement
{
    public UafTlvElement(ushort tag, ReadOnlySpan<byte> raw)
    {
        Tag = tag;
        Raw = raw;
    }

    public ushort Tag { get; }

    /// <summary>Tag, length and value: what a signature over a composite element covers.</summary>
    public ReadOnlySpan<byte> Raw { get; }

    public ReadOnlySpan<byte> Value => Raw[UafTlvReader.HeaderSize..];

    public bool IsComposite => UafTag.IsComposite(Tag);

    /// <summary>A reader over this element's children; the element must be composite.</summary>
    public UafTlvReader Children(string stepId) =>
        IsComposite
            ? new UafTlvReader(Value, stepId)
            : throw new UafFormatException(stepId, $"tag 0x{Tag:X4} is not composite");
}
