using System.Formats.Asn1;

namespace FigiAuth.Uaf.Crypto;

/// <summary>
/// A DER SubjectPublicKeyInfo (RFC 5280 §4.1) split into its parts, so the key's algorithm and
/// named curve can be checked by OID before any key is built.
/// </summary>
internal sealed record SubjectPublicKeyInfo(string AlgorithmOid, string? ParameterOid, byte[] PublicKey)
{
    public const string EcPublicKeyOid = "1.2.840.10045.2.1";
    public const string RsaEncryptionOid = "1.2.840.113549.1.1.1";
    public const string Ed25519Oid = "1.3.101.112";
    public const string Ed448Oid = "1.3.101.113";

    /// <summary>Parses <paramref name="der"/>, which must be exactly one SubjectPublicKeyInfo; null if it is not.</summary>
    public static SubjectPublicKeyInfo? TryRead(ReadOnlySpan<byte> der)
    {
        try
        {
            var outer = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
            var spki = outer.ReadSequence();
            if (outer.HasData)
                return null;
            var algorithm = spki.ReadSequence();
            var oid = algorithm.ReadObjectIdentifier();
            string? parameter = null;
            if (algorithm.HasData)
            {
                var tag = algorithm.PeekTag();
                if (tag.HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
                    parameter = algorithm.ReadObjectIdentifier();
                else if (tag.HasSameClassAndValue(Asn1Tag.Null))
                    algorithm.ReadNull();
                else
                    return null;
            }
            if (algorithm.HasData)
                return null;
            var key = spki.ReadBitString(out var unusedBits);
            return unusedBits == 0 && !spki.HasData ? new SubjectPublicKeyInfo(oid, parameter, key) : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
