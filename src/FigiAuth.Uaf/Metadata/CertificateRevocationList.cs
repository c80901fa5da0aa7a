using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FigiAuth.Uaf.Metadata;

/// <summary>
/// A parsed X.509 v2 CRL (RFC 5280 §5.1), enough to check the MDS3 signing chain offline: the
/// issuer, the validity window, the revoked serial numbers and the issuer's signature.
/// .NET's own offline revocation mode does not take CRLs from memory, so this is done by hand.
/// </summary>
internal sealed class CertificateRevocationList
{
    private readonly byte[] _tbs;
    private readonly string _signatureAlgorithm;
    private readonly byte[] _signature;
    private readonly HashSet<BigInteger> _revoked;

    private CertificateRevocationList(byte[] tbs, string signatureAlgorithm, byte[] signature,
        byte[] issuer, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate, HashSet<BigInteger> revoked)
    {
        _tbs = tbs;
        _signatureAlgorithm = signatureAlgorithm;
        _signature = signature;
        Issuer = issuer;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        _revoked = revoked;
    }

    /// <summary>The DER issuer Name, compared byte-wise with a certificate's issuer.</summary>
    public byte[] Issuer { get; }

    public DateTimeOffset ThisUpdate { get; }

    public DateTimeOffset? NextUpdate { get; }

    /// <summary>Parses DER (or PEM <c>X509 CRL</c>) bytes; throws <see cref="MetadataFormatException"/>.</summary>
    public static CertificateRevocationList Parse(byte[] crl)
    {
        try
        {
            var der = PemEncoding.TryFind(System.Text.Encoding.ASCII.GetString(crl), out var pem)
                ? Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(crl)[pem.Base64Data])
                : crl;
            var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            var tbs = outer.ReadEncodedValue().ToArray();
            var algorithm = outer.ReadSequence().ReadObjectIdentifier();
            var signature = outer.ReadBitString(out _);

            var body = new AsnReader(tbs, AsnEncodingRules.DER).ReadSequence();
            if (body.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
                body.ReadInteger();
            body.ReadSequence();
            var issuer = body.ReadEncodedValue().ToArray();
            var thisUpdate = ReadTime(body);
            DateTimeOffset? nextUpdate = body.HasData && IsTime(body.PeekTag()) ? ReadTime(body) : null;
            var revoked = new HashSet<BigInteger>();
            if (body.HasData && body.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var list = body.ReadSequence();
                while (list.HasData)
                    revoked.Add(list.ReadSequence().ReadInteger());
            }
            return new(tbs, algorithm, signature, issuer, thisUpdate, nextUpdate, revoked);
        }
        catch (Exception e) when (e is AsnContentException or FormatException)
        {
            throw new MetadataFormatException($"not a DER X.509 CRL: {e.Message}", e);
        }
    }

    public bool IsCurrent(DateTimeOffset now) => ThisUpdate <= now && (NextUpdate is null || now <= NextUpdate);

    public bool IsRevoked(X509Certificate2 certificate) =>
        _revoked.Contains(new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true));

    /// <summary>True when this CRL names <paramref name="issuer"/> as issuer and carries its valid signature.</summary>
    public bool IsIssuedBy(X509Certificate2 issuer)
    {
        if (!issuer.SubjectName.RawData.AsSpan().SequenceEqual(Issuer))
            return false;
        var hash = _signatureAlgorithm switch
        {
            "1.2.840.10045.4.3.2" or "1.2.840.113549.1.1.11" => HashAlgorithmName.SHA256,
            "1.2.840.10045.4.3.3" or "1.2.840.113549.1.1.12" => HashAlgorithmName.SHA384,
            "1.2.840.10045.4.3.4" or "1.2.840.113549.1.1.13" => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (hash == default)
            return false;
        using var ec = issuer.GetECDsaPublicKey();
        if (ec is not null)
            return _signatureAlgorithm.StartsWith("1.2.840.10045", StringComparison.Ordinal)
                && ec.VerifyData(_tbs, _signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        using var rsa = issuer.GetRSAPublicKey();
        return rsa is not null
            && _signatureAlgorithm.StartsWith("1.2.840.113549", StringComparison.Ordinal)
            && rsa.VerifyData(_tbs, _signature, hash, RSASignaturePadding.Pkcs1);
    }

    private static bool IsTime(Asn1Tag tag) =>
        tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}
