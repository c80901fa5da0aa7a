using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FigiAuth.Uaf.Encoding;

namespace FigiAuth.Uaf.Tests.Metadata;

/// <summary>A throw-away MDS-like PKI: root CA -> intermediate CA -> BLOB signing leaf (EC or RSA).</summary>
internal sealed class Mds3TestPki : IDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private Mds3TestPki(X509Certificate2 root, X509Certificate2 intermediate, X509Certificate2 leaf)
    {
        Root = root;
        Intermediate = intermediate;
        Leaf = leaf;
    }

    public X509Certificate2 Root { get; }
    public X509Certificate2 Intermediate { get; }
    public X509Certificate2 Leaf { get; }

    public static Mds3TestPki Create(bool rsaLeaf = false)
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = CaRequest("CN=Test MDS Root", rootKey);
        var root = rootRequest.CreateSelfSigned(Now.AddYears(-2), Now.AddYears(10));

        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var intermediateRequest = CaRequest("CN=Test MDS Intermediate", intermediateKey);
        intermediateRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        using var intermediatePublic = intermediateRequest.Create(root, Now.AddYears(-1), Now.AddYears(5), [0x10, 0x01]);
        var intermediate = intermediatePublic.CopyWithPrivateKey(intermediateKey);

        X509Certificate2 leaf;
        if (rsaLeaf)
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Test MDS Signer RSA", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var pub = LeafCertificate(request, intermediate);
            leaf = pub.CopyWithPrivateKey(rsa);
        }
        else
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=Test MDS Signer", ec, HashAlgorithmName.SHA256);
            using var pub = LeafCertificate(request, intermediate);
            leaf = pub.CopyWithPrivateKey(ec);
        }
        return new(root, intermediate, leaf);
    }

    /// <summary>A JWS compact BLOB over <paramref name="payload"/>, signed by the leaf, x5c = [leaf, intermediate].</summary>
    public string Sign(string payload)
    {
        var alg = Leaf.GetRSAPrivateKey() is null ? "ES256" : "RS256";
        var x5c = string.Join(",", new[] { Leaf, Intermediate }.Select(c => $"\"{Convert.ToBase64String(c.RawData)}\""));
        var header = StrictBase64Url.Encode(System.Text.Encoding.UTF8.GetBytes($$"""{"alg":"{{alg}}","typ":"JWT","x5c":[{{x5c}}]}"""));
        var body = StrictBase64Url.Encode(System.Text.Encoding.UTF8.GetBytes(payload));
        var input = System.Text.Encoding.ASCII.GetBytes($"{header}.{body}");
        byte[] signature;
        if (alg == "ES256")
        {
            using var ec = Leaf.GetECDsaPrivateKey()!;
            signature = ec.SignData(input, HashAlgorithmName.SHA256);
        }
        else
        {
            using var rsa = Leaf.GetRSAPrivateKey()!;
            signature = rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        return $"{header}.{body}.{StrictBase64Url.Encode(signature)}";
    }

    /// <summary>A current DER CRL from <paramref name="issuer"/> listing <paramref name="revoked"/>.</summary>
    public static byte[] Crl(X509Certificate2 issuer, params X509Certificate2[] revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked)
            builder.AddEntry(certificate, Now.AddDays(-2));
        return builder.Build(issuer, BigInteger.One, Now.AddDays(30), HashAlgorithmName.SHA256, thisUpdate: Now.AddDays(-1));
    }

    public void Dispose()
    {
        Root.Dispose();
        Intermediate.Dispose();
        Leaf.Dispose();
    }

    private static CertificateRequest CaRequest(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static X509Certificate2 LeafCertificate(CertificateRequest request, X509Certificate2 issuer)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var issuerKey = issuer.GetECDsaPrivateKey()!;
        return request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey),
            Now.AddMonths(-6), Now.AddYears(2), RandomNumberGenerator.GetBytes(8));
    }
}
