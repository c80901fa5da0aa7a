using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Assertions;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Tests.Crypto;

namespace FigiAuth.Uaf.Tests.Attestation;

/// <summary>A valid basic full attestation made in the test: root CA, optional intermediate, attestation cert, signed KRD.</summary>
public sealed class AttestationScenario
{
    public const string Aaid = "FFFF#FC01";
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public ECDsa RootKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    public ECDsa AttestationKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    public byte[] Root { get; set; }
    public List<byte[]> Certificates { get; } = [];
    public byte[] Krd { get; } = [0x03, 0x3E, 0x04, 0x00, 0x0B, 0x2E, 0x00, 0x00];
    public byte[] Signature { get; set; }
    public UafAttestationType Type { get; set; } = UafAttestationType.BasicFull;
    public MetadataStatement Metadata { get; set; }

    public AttestationScenario(bool withIntermediate = false, string? aaidExtension = Aaid, DateTimeOffset? leafNotAfter = null)
    {
        Root = SelfSigned(RootKey, "CN=FigiAuth Test Attestation Root").RawData;
        var issuerKey = RootKey;
        var issuerName = new X500DistinguishedName("CN=FigiAuth Test Attestation Root");
        if (withIntermediate)
        {
            using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var intermediateName = new X500DistinguishedName("CN=FigiAuth Test Intermediate");
            var request = new CertificateRequest(intermediateName, intermediateKey, HashAlgorithmName.SHA256);
            AddCaExtensions(request);
            using var intermediate = request.Create(issuerName, X509SignatureGenerator.CreateForECDsa(RootKey), Now.AddYears(-2), Now.AddYears(5), [2]);
            Certificates.Add(intermediate.RawData);
            issuerKey = ECDsa.Create(intermediateKey.ExportParameters(true));
            issuerName = intermediateName;
        }
        var leafRequest = new CertificateRequest("CN=FigiAuth Test Authenticator", AttestationKey, HashAlgorithmName.SHA256);
        if (aaidExtension is not null)
            leafRequest.CertificateExtensions.Add(new X509Extension(AaidExtensionOid, TestKeys.OctetString(System.Text.Encoding.ASCII.GetBytes(aaidExtension)), false));
        using var leaf = leafRequest.Create(issuerName, X509SignatureGenerator.CreateForECDsa(issuerKey), Now.AddYears(-1), leafNotAfter ?? Now.AddYears(3), [3]);
        Certificates.Insert(0, leaf.RawData);
        Signature = AttestationKey.SignData(Krd, HashAlgorithmName.SHA256);
        Metadata = MetadataFor(UafAttestationType.BasicFull, [Root]);
    }

    public const string AaidExtensionOid = "1.3.6.1.4.1.45724.1.1.1";

    public static X509Certificate2 SelfSigned(ECDsa key, string name, DateTimeOffset? notBefore = null)
    {
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        AddCaExtensions(request);
        return request.CreateSelfSigned(notBefore ?? Now.AddYears(-5), Now.AddYears(10));
    }

    public static MetadataStatement MetadataFor(UafAttestationType type, IReadOnlyList<byte[]> roots) => new()
    {
        Aaid = Aaid,
        AuthenticationAlgorithms = [UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw],
        PublicKeyAlgAndEncodings = [UafPublicKeyEncoding.EccX962Raw],
        AttestationTypes = [type],
        AttestationRootCertificates = roots,
    };

    public RegistrationAssertion Assertion() => new(
        new KeyRegistrationData(Aaid, 1, 1, UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafPublicKeyEncoding.EccX962Raw,
            new byte[32], new byte[32], 0, 0, [], [], Krd),
        Type, Signature, Certificates, []);

    /// <summary>UAF-REG-18 rejections answer 1496.</summary>
    public static void AssertRejected(UafFailure? failure)
    {
        Assert.NotNull(failure);
        Assert.Equal(UafStatusCode.UnacceptableAttestation, failure.Status);
        Assert.Equal("UAF-REG-18", failure.StepId);
    }

    private static void AddCaExtensions(CertificateRequest request)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
    }
}
