using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Tlv;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Assertions;

/// <summary>
/// Reads TAG_UAFV1_REG_ASSERTION (UAF.md §6.3). Structure errors are UAF-REG-10, KRD content errors
/// UAF-REG-11; both 1498. Reads slices of the input and copies only the result's byte[] fields.
/// </summary>
/// <remarks>
/// Unknown tags, inside the KRD or beside it, are refused: UAF 1.1 defines no other element there, and
/// anything unsigned that is not an extension has no meaning a server could rely on.
/// </remarks>
public static class RegistrationAssertionReader
{
    private const int Aaid = 1, Info = 2, Fch = 4, KeyId = 8, Counters = 16, PubKey = 32;
    private const int AllKrd = Aaid | Info | Fch | KeyId | Counters | PubKey;

    public static RegistrationAssertion Read(ReadOnlySpan<byte> assertion)
    {
        var top = UafTlvReader.ReadSingle(assertion, UafTag.UafV1RegAssertion, UafSteps.Reg10);
        var children = top.Children(UafSteps.Reg10);
        if (children.End)
            throw new UafFormatException(UafSteps.Reg10, "empty registration assertion");
        var first = children.Read();
        if (first.Tag != UafTag.UafV1Krd)
            throw new UafFormatException(UafSteps.Reg10, $"first element is 0x{first.Tag:X4}, not TAG_UAFV1_KRD");
        var krd = ReadKrd(first);

        UafAttestationType? type = null;
        byte[] signature = [];
        IReadOnlyList<byte[]> certificates = [];
        List<TlvExtension>? unsigned = null;
        while (!children.End)
        {
            var element = children.Read();
            switch (element.Tag)
            {
                case UafTag.AttestationBasicFull or UafTag.AttestationBasicSurrogate or UafTag.AttestationEcdaa when type is null:
                    type = (UafAttestationType)element.Tag;
                    (signature, certificates) = ReadAttestation(element);
                    break;
                case var tag when AssertionTlv.IsExtension(tag):
                    AssertionTlv.Add(ref unsigned, AssertionTlv.Extension(element, UafSteps.Reg10));
                    break;
                default:
                    throw new UafFormatException(UafSteps.Reg10, $"TLV 0x{element.Tag:X4} is unexpected or repeated in a registration assertion");
            }
        }
        return type is null
            ? throw new UafFormatException(UafSteps.Reg10, "registration assertion has no attestation element")
            : new RegistrationAssertion(krd, type.Value, signature, certificates, (IReadOnlyList<TlvExtension>?)unsigned ?? []);
    }

    private static KeyRegistrationData ReadKrd(UafTlvElement krd)
    {
        var step = UafSteps.Reg11;
        var children = krd.Children(step);
        int seen = 0;
        string aaid = "";
        ReadOnlySpan<byte> info = default, counters = default;
        byte[] fch = [], keyId = [], publicKey = [];
        List<TlvExtension>? extensions = null;
        while (!children.End)
        {
            var e = children.Read();
            switch (e.Tag)
            {
                case UafTag.Aaid:
                    AssertionTlv.Seen(ref seen, Aaid, e.Tag, step);
                    aaid = AssertionTlv.Aaid(e.Value, step);
                    break;
                case UafTag.AssertionInfo:
                    AssertionTlv.Seen(ref seen, Info, e.Tag, step);
                    info = AssertionTlv.Exact(e.Value, 7, "KRD TAG_ASSERTION_INFO", step);
                    break;
                case UafTag.FinalChallengeHash:
                    AssertionTlv.Seen(ref seen, Fch, e.Tag, step);
                    fch = AssertionTlv.Hash(e.Value, "TAG_FINAL_CHALLENGE_HASH", step);
                    break;
                case UafTag.KeyId:
                    AssertionTlv.Seen(ref seen, KeyId, e.Tag, step);
                    keyId = AssertionTlv.KeyId(e.Value, step);
                    break;
                case UafTag.Counters:
                    AssertionTlv.Seen(ref seen, Counters, e.Tag, step);
                    counters = AssertionTlv.Exact(e.Value, 8, "KRD TAG_COUNTERS", step);
                    break;
                case UafTag.PublicKey:
                    AssertionTlv.Seen(ref seen, PubKey, e.Tag, step);
                    publicKey = e.Value.Length > 0 ? e.Value.ToArray() : throw new UafFormatException(step, "TAG_PUB_KEY is empty");
                    break;
                case var tag when AssertionTlv.IsExtension(tag):
                    AssertionTlv.Add(ref extensions, AssertionTlv.Extension(e, step));
                    break;
                default:
                    throw new UafFormatException(step, $"TLV 0x{e.Tag:X4} is not allowed in TAG_UAFV1_KRD");
            }
        }
        AssertionTlv.Require(seen, AllKrd, "TAG_UAFV1_KRD", step);
        return new KeyRegistrationData(
            aaid,
            AuthenticatorVersion: AssertionTlv.UInt16(info, 0),
            AuthenticationMode: info[2],
            SignatureAlgorithm: AssertionTlv.Algorithm(info, 3),
            PublicKeyEncoding: (UafPublicKeyEncoding)AssertionTlv.UInt16(info, 5),
            fch,
            keyId,
            SignCounter: AssertionTlv.UInt32(counters, 0),
            RegCounter: AssertionTlv.UInt32(counters, 4),
            publicKey,
            (IReadOnlyList<TlvExtension>?)extensions ?? [],
            krd.Raw.ToArray());
    }

    // TAG_SIGNATURE exactly once and non-empty; TAG_ATTESTATION_CERT only in basic full (at least one there).
    private static (byte[] Signature, IReadOnlyList<byte[]> Certificates) ReadAttestation(UafTlvElement attestation)
    {
        var step = UafSteps.Reg10;
        var children = attestation.Children(step);
        byte[]? signature = null;
        List<byte[]>? certificates = null;
        while (!children.End)
        {
            var e = children.Read();
            switch (e.Tag)
            {
                case UafTag.Signature when signature is null && e.Value.Length > 0:
                    signature = e.Value.ToArray();
                    break;
                case UafTag.AttestationCert when attestation.Tag == UafTag.AttestationBasicFull && e.Value.Length > 0:
                    (certificates ??= []).Add(e.Value.ToArray());
                    break;
                default:
                    throw new UafFormatException(step, $"TLV 0x{e.Tag:X4} is unexpected, empty or repeated in attestation 0x{attestation.Tag:X4}");
            }
        }
        if (signature is null)
            throw new UafFormatException(step, "attestation has no TAG_SIGNATURE");
        if (attestation.Tag == UafTag.AttestationBasicFull && certificates is null)
            throw new UafFormatException(step, "basic full attestation has no TAG_ATTESTATION_CERT");
        return (signature, (IReadOnlyList<byte[]>?)certificates ?? []);
    }
}
