using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace FigiAuth.Uaf.Attestation;

/// <summary>
/// A metadata root that <see cref="X509CertificateLoader"/> refuses, read leniently with
/// System.Formats.Asn1: only subject, SubjectPublicKeyInfo and validity are taken. It exists for the
/// conformance tool's P-256 root, whose notBefore is the impossible date 29 Feb 2017 (UAF.md §10.5).
/// Such a root anchors only an attestation certificate it signed directly: issuer name equals its
/// subject, the signature verifies with its key, and <c>now</c> is before its notAfter. An unreadable
/// notBefore is ignored (the attestation certificate's own validity is checked separately).
/// See docs/specs/attestation-quirks.md.
/// </summary>
internal sealed record UnparsedRootCertificate(byte[] Subject, byte[] SubjectPublicKeyInfo, DateTimeOffset? NotBefore, DateTimeOffset NotAfter)
{
    public static UnparsedRootCertificate? TryRead(byte[] der)
    {
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            var certificate = outer.ReadSequence();
            var tbs = certificate.ReadSequence();
            var version = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
            if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(version))
                tbs.ReadEncodedValue();
            tbs.ReadEncodedValue(); // serialNumber
            tbs.ReadEncodedValue(); // signature
            tbs.ReadEncodedValue(); // issuer
            var validity = tbs.ReadSequence();
            var notBefore = TryReadTime(validity.ReadEncodedValue());
            var notAfter = TryReadTime(validity.ReadEncodedValue());
            var subject = tbs.ReadEncodedValue().ToArray();
            var spki = tbs.ReadEncodedValue().ToArray();
            return notAfter is null ? null : new UnparsedRootCertificate(subject, spki, notBefore, notAfter.Value);
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>Null when <paramref name="certificate"/> was issued by this root and both are valid at <paramref name="now"/>; else why not.</summary>
    public string? CheckIssued(X509Certificate2 certificate, DateTimeOffset now)
    {
        if (!certificate.IssuerName.RawData.AsSpan().SequenceEqual(Subject))
            return "issuer is not the subject of the unparsable root";
        if (now > NotAfter || (NotBefore is { } notBefore && now < notBefore))
            return $"the unparsable root is not valid at {now:O} (notAfter {NotAfter:O})";
        return CertificateSignature.Verifies(certificate.RawData, SubjectPublicKeyInfo)
            ? null
            : "signature of the attestation certificate does not verify with the unparsable root's key";
    }

    private static DateTimeOffset? TryReadTime(ReadOnlyMemory<byte> encoded)
    {
        try
        {
            var reader = new AsnReader(encoded, AsnEncodingRules.DER);
            return reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
