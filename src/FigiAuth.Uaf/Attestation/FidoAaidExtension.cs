using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace FigiAuth.Uaf.Attestation;

/// <summary>
/// The FIDO AAID certificate extension (OID 1.3.6.1.4.1.45724.1.1.1): extnValue holds a DER OCTET
/// STRING whose content is the AAID's ASCII. UAF.md §8.2 REG-18: "If a root covers several models,
/// the cert's AAID extension should equal the AAID" - when the extension is present it must match.
/// </summary>
internal static class FidoAaidExtension
{
    public const string Oid = "1.3.6.1.4.1.45724.1.1.1";

    public static UafFailure? Check(X509Certificate2 certificate, string aaid)
    {
        var extension = certificate.Extensions[Oid];
        if (extension is null)
            return null;
        try
        {
            // RawData is extnValue's content: it must be exactly one DER OCTET STRING.
            var value = AsnDecoder.ReadOctetString(extension.RawData, AsnEncodingRules.DER, out var consumed);
            if (consumed != extension.RawData.Length)
                return AttestationVerifier.Fail("AAID extension has trailing bytes after its OCTET STRING");
            return value.AsSpan().SequenceEqual(System.Text.Encoding.ASCII.GetBytes(aaid))
                ? null
                : AttestationVerifier.Fail($"AAID extension of the attestation certificate does not equal the AAID {aaid}");
        }
        catch (AsnContentException)
        {
            return AttestationVerifier.Fail("AAID extension is not a DER OCTET STRING");
        }
    }
}
