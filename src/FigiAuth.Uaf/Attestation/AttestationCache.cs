using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Crypto;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Attestation;

/// <summary>
/// What UAF-REG-18 would otherwise redo on every registration (loading a certificate costs ~2 ECDSA
/// verifies, importing its key ~1.8, a chain build ~2.5), kept per process:
/// <list type="bullet">
/// <item>metadata roots, parsed once per roots list (a metadata snapshot) and compared by content on every use;</item>
/// <item>attestation certificates and their imported keys, by SHA-256 of the DER (one basic full
/// attestation certificate is shared by a batch of at least 100,000 authenticators), bounded as
/// attackers choose the bytes;</item>
/// <item>successful chain builds per (certificate path, roots), used only while <c>now</c> lies in
/// every chain element's validity, and otherwise built again.</item>
/// </list>
/// Only successes are kept: every failure is computed afresh, with the same detail. Cached certificates
/// and keys are never disposed (other threads may be using them); finalization releases evicted ones.
/// </summary>
internal static class AttestationCache
{
    private const int Capacity = 1_000;

    private static readonly ConditionalWeakTable<IReadOnlyList<byte[]>, TrustAnchors> Anchors = new();
    private static readonly BoundedCache<string, CachedCertificate> Certificates = new(Capacity, StringComparer.Ordinal);

    /// <summary>Forgets everything (benchmarks of the first registration of a model use it).</summary>
    internal static void Clear()
    {
        Anchors.Clear();
        Certificates.Clear();
    }

    /// <summary>The parsed form of <paramref name="roots"/>, built once per list and rebuilt if its content changed.</summary>
    public static TrustAnchors AnchorsFor(IReadOnlyList<byte[]> roots)
    {
        if (Anchors.TryGetValue(roots, out var anchors) && anchors.IsFor(roots))
            return anchors;
        anchors = TrustAnchors.Read(roots);
        Anchors.AddOrUpdate(roots, anchors);
        return anchors;
    }

    /// <summary>The loaded certificate of <paramref name="der"/>, or null when it is not a parsable DER certificate.</summary>
    public static CachedCertificate? Certificate(byte[] der)
    {
        var sha256 = Convert.ToHexString(SHA256.HashData(der));
        if (Certificates.TryGet(sha256, out var cached) && der.AsSpan().SequenceEqual(cached.Der))
            return cached;
        if (BasicFullAttestation.TryLoad(der) is not { } certificate)
            return null;
        cached = new CachedCertificate(certificate, der.ToArray(), sha256);
        Certificates.Set(sha256, cached);
        return cached;
    }
}

/// <summary>An attestation certificate loaded once, with its key imported once per ALG_SIGN.</summary>
internal sealed class CachedCertificate(X509Certificate2 certificate, byte[] der, string sha256)
{
    private readonly BoundedCache<UafSignatureAlgorithm, UafResult<UafPublicKey>> _keys = new(8);

    public X509Certificate2 Certificate { get; } = certificate;
    public byte[] Der { get; } = der;
    public string Sha256 { get; } = sha256;

    /// <summary>Verifies a signature with the certificate's key read for <paramref name="algorithm"/>; a key that does not import is the failure.</summary>
    public UafResult<bool> Verify(UafSignatureAlgorithm algorithm, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (!_keys.TryGet(algorithm, out var key))
        {
            key = UafPublicKey.FromCertificate(Certificate, algorithm, AttestationVerifier.StepId);
            _keys.Set(algorithm, key);
        }
        if (!key.Succeeded)
            return key.Failure;
        // .NET does not promise that one asymmetric key object verifies on several threads at once.
        lock (key.Value)
            return key.Value.Verify(data, signature);
    }
}

/// <summary>A roots list parsed: the roots .NET loads, the ones only <see cref="UnparsedRootCertificate"/> reads, and the paths already validated against them.</summary>
internal sealed class TrustAnchors
{
    private readonly byte[][] _der;
    private readonly BoundedCache<string, (DateTime NotBefore, DateTime NotAfter)> _validPaths = new(1_000, StringComparer.Ordinal);

    private TrustAnchors(byte[][] der, X509Certificate2Collection loaded, IReadOnlyList<UnparsedRootCertificate> unparsed)
    {
        _der = der;
        Loaded = loaded;
        Unparsed = unparsed;
    }

    public X509Certificate2Collection Loaded { get; }
    public IReadOnlyList<UnparsedRootCertificate> Unparsed { get; }

    public static TrustAnchors Read(IReadOnlyList<byte[]> roots)
    {
        var loaded = new X509Certificate2Collection();
        var unparsed = new List<UnparsedRootCertificate>();
        foreach (var root in roots)
        {
            if (BasicFullAttestation.TryLoad(root) is { } anchor)
                loaded.Add(anchor);
            else if (UnparsedRootCertificate.TryRead(root) is { } fallback)
                unparsed.Add(fallback);
        }
        return new([.. roots.Select(r => r.ToArray())], loaded, unparsed);
    }

    public bool IsFor(IReadOnlyList<byte[]> roots)
    {
        if (roots.Count != _der.Length)
            return false;
        for (var i = 0; i < _der.Length; i++)
        {
            if (!roots[i].AsSpan().SequenceEqual(_der[i]))
                return false;
        }
        return true;
    }

    /// <summary>True when this path built to these roots before and <paramref name="now"/> is inside every element's validity.</summary>
    public bool HasValidPath(string path, DateTimeOffset now) =>
        _validPaths.TryGet(path, out var window) && now.UtcDateTime >= window.NotBefore && now.UtcDateTime <= window.NotAfter;

    /// <summary>Remembers a chain that built: the latest notBefore and earliest notAfter of its elements.</summary>
    public void AddValidPath(string path, X509Chain chain)
    {
        DateTime notBefore = DateTime.MinValue, notAfter = DateTime.MaxValue;
        foreach (var element in chain.ChainElements)
        {
            var from = element.Certificate.NotBefore.ToUniversalTime();
            var to = element.Certificate.NotAfter.ToUniversalTime();
            notBefore = from > notBefore ? from : notBefore;
            notAfter = to < notAfter ? to : notAfter;
        }
        _validPaths.Set(path, (notBefore, notAfter));
    }
}
