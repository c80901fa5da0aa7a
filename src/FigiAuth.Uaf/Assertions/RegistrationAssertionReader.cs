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
    private const int PubKey = 32;

    public static RegistrationAssertion Read(ReadOnlySpan<byte> assertion)
    {
        var children = AssertionTlv.Open(assertion, UafTag.UafV1RegAssertion, UafTag.UafV1Krd, UafSteps.Reg10, out var first);
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
        var f = new SharedFields();
        byte[] publicKey = [];
        while (!children.End)
        {
            var e = children.Read();
            if (AssertionTlv.ReadShared(e, ref f, 7, 8, step))
                continue;
            if (e.Tag != UafTag.PublicKey)
                throw new UafFormatException(step, $"TLV 0x{e.Tag:X4} is not allowed in TAG_UAFV1_KRD");
            AssertionTlv.Seen(ref f.Seen, PubKey, e.Tag, step);
            publicKey = e.Value.Length > 0 ? e.Value.ToArray() : throw new UafFormatException(step, "TAG_PUB_KEY is empty");
        }
        AssertionTlv.Require(f.Seen, AssertionTlv.SharedBits | PubKey, "TAG_UAFV1_KRD", step);
        var info = f.Info;
        var counters = f.Counters;
        return new KeyRegistrationData(
            f.Aaid,
            AuthenticatorVersion: AssertionTlv.UInt16(info, 0),
            AuthenticationMode: info[2],
            SignatureAlgorithm: AssertionTlv.Algorithm(info, 3),
            PublicKeyEncoding: (UafPublicKeyEncoding)AssertionTlv.UInt16(info, 5),
            f.FinalChallengeHash,
            f.KeyId,
            SignCounter: AssertionTlv.UInt32(counters, 0),
            RegCounter: AssertionTlv.UInt32(counters, 4),
            publicKey,
            (IReadOnlyList<TlvExtension>?)f.Extensions ?? [],
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
