using System.Buffers.Binary;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Tlv;

namespace FigiAuth.Uaf.Assertions;

/// <summary>
/// Field rules shared by the KRD and SignedData readers (UAF.md §6). Children of a composite may come
/// in any order; each tag at most once (<see cref="Seen"/> tracks them without allocating).
/// </summary>
internal static class AssertionTlv
{
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(false, true);

    public const int AaidBit = 1, InfoBit = 2, FchBit = 4, KeyIdBit = 8, CountersBit = 16;
    public const int SharedBits = AaidBit | InfoBit | FchBit | KeyIdBit | CountersBit;

    /// <summary>
    /// Reads <paramref name="e"/> into <paramref name="fields"/> when it is one of the elements KRD and
    /// SignedData share (AAID, ASSERTION_INFO, FCH, KEYID, COUNTERS, extensions); false for any other tag.
    /// </summary>
    public static bool ReadShared(UafTlvElement e, ref SharedFields fields, int infoLength, int countersLength, string stepId)
    {
        switch (e.Tag)
        {
            case UafTag.Aaid:
                Seen(ref fields.Seen, AaidBit, e.Tag, stepId);
                fields.Aaid = Aaid(e.Value, stepId);
                return true;
            case UafTag.AssertionInfo:
                Seen(ref fields.Seen, InfoBit, e.Tag, stepId);
                fields.Info = Exact(e.Value, infoLength, "TAG_ASSERTION_INFO", stepId);
                return true;
            case UafTag.FinalChallengeHash:
                Seen(ref fields.Seen, FchBit, e.Tag, stepId);
                fields.FinalChallengeHash = Hash(e.Value, "TAG_FINAL_CHALLENGE_HASH", stepId);
                return true;
            case UafTag.KeyId:
                Seen(ref fields.Seen, KeyIdBit, e.Tag, stepId);
                fields.KeyId = KeyId(e.Value, stepId);
                return true;
            case UafTag.Counters:
                Seen(ref fields.Seen, CountersBit, e.Tag, stepId);
                fields.Counters = Exact(e.Value, countersLength, "TAG_COUNTERS", stepId);
                return true;
            case UafTag.Extension or UafTag.ExtensionNonCritical:
                Add(ref fields.Extensions, Extension(e, stepId));
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Opens an assertion: one <paramref name="topTag"/> element spanning every byte whose first child
    /// is <paramref name="firstTag"/>; returns the reader positioned after that child.
    /// </summary>
    public static UafTlvReader Open(ReadOnlySpan<byte> assertion, ushort topTag, ushort firstTag, string stepId, out UafTlvElement first)
    {
        var top = UafTlvReader.ReadSingle(assertion, topTag, stepId);
        var children = top.Children(stepId);
        if (children.End)
            throw new UafFormatException(stepId, $"empty assertion 0x{topTag:X4}");
        first = children.Read();
        if (first.Tag != firstTag)
            throw new UafFormatException(stepId, $"first element is 0x{first.Tag:X4}, not 0x{firstTag:X4}");
        return children;
    }

    /// <summary>Marks <paramref name="bit"/> as seen and throws when it was seen before.</summary>
    public static void Seen(ref int seen, int bit, ushort tag, string stepId)
    {
        if ((seen & bit) != 0)
            throw new UafFormatException(stepId, $"TLV 0x{tag:X4} occurs twice");
        seen |= bit;
    }

    public static void Require(int seen, int bits, string what, string stepId)
    {
        if ((seen & bits) != bits)
            throw new UafFormatException(stepId, $"{what} lacks a mandatory element");
    }

    public static string Aaid(ReadOnlySpan<byte> value, string stepId) =>
        UafLimits.IsAaid(value)
            ? System.Text.Encoding.ASCII.GetString(value)
            : throw new UafFormatException(stepId, "TAG_AAID is not 9 bytes of AAID syntax");

    public static ReadOnlySpan<byte> Exact(ReadOnlySpan<byte> value, int length, string name, string stepId) =>
        value.Length == length ? value : throw new UafFormatException(stepId, $"{name} must be {length} bytes, found {value.Length}");

    /// <summary>
    /// KeyID: 32..2048 bytes (UAF.md §2 KeyID type). Authenticator-generated KeyIDs are 32 bytes;
    /// longer ones are wrapped key handles of roaming authenticators, which the type allows, so
    /// only shorter ones are refused (the conformance tool's "longer than 32" case is not followed).
    /// </summary>
    public static byte[] KeyId(ReadOnlySpan<byte> value, string stepId) =>
        value.Length is >= UafLimits.MinKeyIdBytes and <= UafLimits.MaxKeyIdBytes
            ? value.ToArray()
            : throw new UafFormatException(stepId, $"TAG_KEYID must be 32..2048 bytes, found {value.Length}");

    /// <summary>A hash element: 1..64 bytes (the exact length is checked against the metadata hash later).</summary>
    public static byte[] Hash(ReadOnlySpan<byte> value, string name, string stepId, bool allowEmpty = false) =>
        (value.Length <= 64 && (allowEmpty || value.Length > 0))
            ? value.ToArray()
            : throw new UafFormatException(stepId, $"{name} has an impossible length {value.Length}");

    public static ushort UInt16(ReadOnlySpan<byte> value, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(value[offset..]);

    public static uint UInt32(ReadOnlySpan<byte> value, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(value[offset..]);

    public static UafSignatureAlgorithm Algorithm(ReadOnlySpan<byte> info, int offset) => (UafSignatureAlgorithm)UInt16(info, offset);

    /// <summary>
    /// TAG_EXTENSION (0x3E11, critical) or TAG_EXTENSION_NON_CRITICAL (0x3E12): one EXTENSION_ID
    /// (1..32 bytes UTF-8) and at most one EXTENSION_DATA. No extension is known to this server, so
    /// a critical one is refused (UAF: a receiver that cannot process a critical extension fails).
    /// </summary>
    public static TlvExtension Extension(UafTlvElement element, string stepId)
    {
        var critical = element.Tag == UafTag.Extension;
        if (critical)
            throw new UafFormatException(stepId, "unknown critical extension (TAG_EXTENSION)");
        var children = element.Children(stepId);
        string? id = null;
        byte[]? data = null;
        while (!children.End)
        {
            var child = children.Read();
            switch (child.Tag)
            {
                case UafTag.ExtensionId when id is null:
                    if (child.Value.Length is 0 or > UafLimits.MaxExtensionIdLength)
                        throw new UafFormatException(stepId, "TAG_EXTENSION_ID must be 1..32 bytes");
                    id = DecodeUtf8(child.Value, stepId);
                    break;
                case UafTag.ExtensionData when data is null:
                    data = child.Value.ToArray();
                    break;
                default:
                    throw new UafFormatException(stepId, $"TLV 0x{child.Tag:X4} is unexpected or repeated in an extension");
            }
        }
        return id is null
            ? throw new UafFormatException(stepId, "extension without TAG_EXTENSION_ID")
            : new TlvExtension(id, data ?? [], critical);
    }

    public static bool IsExtension(ushort tag) => tag is UafTag.Extension or UafTag.ExtensionNonCritical;

    public static void Add(ref List<TlvExtension>? list, TlvExtension extension) => (list ??= []).Add(extension);

    private static string DecodeUtf8(ReadOnlySpan<byte> value, string stepId)
    {
        try
        {
            return StrictUtf8.GetString(value);
        }
        catch (ArgumentException e)
        {
            throw new UafFormatException(stepId, "TAG_EXTENSION_ID is not UTF-8", e);
        }
    }
}
