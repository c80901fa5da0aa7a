using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Assertions;
using FigiAuth.Uaf.Authentication;
using FigiAuth.Uaf.Crypto;
using FigiAuth.Uaf.Tests.Fuzz;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Bench;

/// <summary>
/// Goal: a P-256 RAW authentication response (parse fcParams and TLV, hash, verify) with the key cached
/// costs at most 1.3 × <see cref="BareVerifyHash"/>. The ledger and registrations fakes answer from
/// memory (the ledger hands back the issued record every time, so nothing is re-armed per call).
/// </summary>
public class AuthenticationBenchmarks
{
    private UafSeedCeremonies _seeds = null!;
    private AuthenticationVerificationContext _cached = null!;
    private ECDsa _key = null!;
    private byte[] _signedData = null!;
    private byte[] _signature = null!;
    private byte[] _hash = null!;

    [GlobalSetup]
    public void Setup()
    {
        _seeds = new UafSeedCeremonies();
        _cached = _seeds.AuthenticationContext(new UafPublicKeyCache());
        var assertion = AuthenticationAssertionReader.Read(_seeds.AuthenticationAssertion);
        _signedData = assertion.SignedData.Raw;
        _signature = assertion.Signature;
        _hash = SHA256.HashData(_signedData);
        _key = ECDsa.Create();
        _key.ImportSubjectPublicKeyInfo(_seeds.Authenticator.Key.ExportSubjectPublicKeyInfo(), out _);
        if (!_key.VerifyHash(_hash, _signature) || !AuthenticationResponseVerify_KeyCached())
            throw new InvalidOperationException("the seed response does not verify");
    }

    [Benchmark(Baseline = true, Description = "ECDsa.VerifyHash P-256 (baseline)")]
    public bool BareVerifyHash() => _key.VerifyHash(_hash, _signature);

    [Benchmark(Description = "ECDsa.VerifyData P-256 (SHA-256 of SignedData + verify)")]
    public bool BareVerifyData() => _key.VerifyData(_signedData, _signature, HashAlgorithmName.SHA256);

    [Benchmark(Description = "AuthenticationVerifier.VerifyAsync, key cached")]
    public bool AuthenticationResponseVerify_KeyCached() =>
        AuthenticationVerifier.VerifyAsync(_seeds.AuthenticationResponse, _cached).GetAwaiter().GetResult().Result.Succeeded;

    [Benchmark(Description = "AuthenticationVerifier.VerifyAsync, key imported per call")]
    public bool AuthenticationResponseVerify_KeyImported() =>
        AuthenticationVerifier.VerifyAsync(_seeds.AuthenticationResponse, _cached with { KeyCache = new UafPublicKeyCache() })
            .GetAwaiter().GetResult().Result.Succeeded;

    [Benchmark(Description = "UafPublicKey.Import P-256 X9.62 RAW (stored bytes)")]
    public void KeyImport()
    {
        using var key = UafPublicKey.Import(
            UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafPublicKeyEncoding.EccX962Raw, _seeds.Registration.PublicKey, "BENCH").Value;
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();
}
