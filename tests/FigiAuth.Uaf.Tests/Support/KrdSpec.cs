namespace FigiAuth.Uaf.Tests.Support;

/// <summary>
/// The elements of a TAG_UAFV1_KRD or TAG_UAFV1_SIGNED_DATA as (tag, value) pairs in emission order.
/// Tests change one pair, drop one, or append one; the authenticator then signs what results.
/// </summary>
public sealed record TlvFields(IReadOnlyList<(ushort Tag, byte[] Value)> Items)
{
    public TlvFields Set(ushort tag, byte[] value) => new(Items.Select(i => i.Tag == tag ? (tag, value) : i).ToArray());

    public TlvFields Without(ushort tag) => new(Items.Where(i => i.Tag != tag).ToArray());

    public TlvFields Append(ushort tag, byte[] value) => new([.. Items, (tag, value)]);

    public TlvFields Reversed() => new(Items.Reverse().ToArray());

    public byte[] Value(ushort tag) => Items.First(i => i.Tag == tag).Value;

    public byte[] Encode(ushort compositeTag) =>
        TestTlv.Composite(compositeTag, Items.Select(i => TestTlv.Element(i.Tag, i.Value)).ToArray());
}
