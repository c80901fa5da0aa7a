using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using FigiAuth.Uaf.Assertions;
using FigiAuth.Uaf.Registration;
using FigiAuth.Uaf.Tests.Fuzz;

namespace FigiAuth.Bench;

/// <summary>
/// Goal: a full registration with basic full attestation costs at most 2.6 × a bare verify plus the
/// certificate-chain build. <see cref="ChainBuild"/> is that chain build alone: X509Chain with
/// CustomRootTrust over the same leaf and test root, as AttestationPath sets it up.
/// </summary>
public class RegistrationBenchmarks
{
    private UafSeedCeremonies _seeds = null!;
    private RegistrationVerificationContext _context = null!;
    private X509Certificate2 _leaf = null!;
    private X509Certificate2 _root = null!;
    private ECDsa _key = null!;
    private byte[] _hash = null!;
    private byte[] _signature = null!;
    private RegistrationAssertion _assertion = null!;
    private FigiAuth.Uaf.Metadata.MetadataStatement _statement = null!;

    [GlobalSetup]
    public void Setup()
    {
        _seeds = new UafSeedCeremonies();
        _context = _seeds.RegistrationContext();
        var assertion = _assertion = RegistrationAssertionReader.Read(_seeds.BasicFullAssertion);
        _statement = _seeds.Metadata.Find(_seeds.BasicFullAuthenticator.Aaid)!.Statement;
        _leaf = X509CertificateLoader.LoadCertificate(assertion.Certificates[0]);
        _root = X509CertificateLoader.LoadCertificate(_seeds.RootCertificate);
        _key = _leaf.GetECDsaPublicKey()!;
        _hash = SHA256.HashData(assertion.Krd.Raw);
        _signature = assertion.Signature;
        if (!BareVerifyHash() || !ChainBuild() || !AttestationVerify() || !RegistrationVerify_BasicFull() || !RegistrationVerify_Surrogate())
            throw new InvalidOperationException("the seed registration does not verify");
    }

    [Benchmark(Baseline = true, Description = "ECDsa.VerifyHash P-256 (baseline)")]
    public bool BareVerifyHash() => _key.VerifyHash(_hash, _signature);

    [Benchmark(Description = "X509Chain.Build, CustomRootTrust (leaf -> test root)")]
    public bool ChainBuild()
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.Add(_root);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        return chain.Build(_leaf);
    }

    [Benchmark(Description = "X509CertificateLoader.LoadCertificate (attestation cert DER)")]
    public bool LoadCertificate()
    {
        using var certificate = X509CertificateLoader.LoadCertificate(_assertion.Certificates[0]);
        return certificate.RawData.Length > 0;
    }

    [Benchmark(Description = "AttestationVerifier.Verify, basic full (UAF-REG-18 alone)")]
    public bool AttestationVerify() => FigiAuth.Uaf.Attestation.AttestationVerifier.Verify(_assertion, _statement, DateTimeOffset.UtcNow) is null;

    [Benchmark(Description = "RegistrationVerifier.VerifyAsync, basic full")]
    public bool RegistrationVerify_BasicFull() =>
        RegistrationVerifier.VerifyAsync(_seeds.BasicFullRegistrationResponse, _context).GetAwaiter().GetResult().Succeeded;

    /// <summary>The first registration of a model: roots, certificate, key and chain caches empty.</summary>
    [Benchmark(Description = "RegistrationVerifier.VerifyAsync, basic full, attestation caches cold")]
    public bool RegistrationVerify_BasicFull_Cold()
    {
        FigiAuth.Uaf.Attestation.AttestationCache.Clear();
        return RegistrationVerify_BasicFull();
    }

    [Benchmark(Description = "RegistrationVerifier.VerifyAsync, surrogate")]
    public bool RegistrationVerify_Surrogate() =>
        RegistrationVerifier.VerifyAsync(_seeds.SurrogateRegistrationResponse, _context).GetAwaiter().GetResult().Succeeded;

    [GlobalCleanup]
    public void Cleanup()
    {
        _key.Dispose();
        _leaf.Dispose();
        _root.Dispose();
    }
}
