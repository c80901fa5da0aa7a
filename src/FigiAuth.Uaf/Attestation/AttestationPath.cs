using System.Security.Cryptography.X509Certificates;

namespace FigiAuth.Uaf.Attestation;

/// <summary>
/// UAF-REG-18 path validation: cert[0] -> the other TAG_ATTESTATION_CERTs -> one metadata root
/// (RFC 5280 via <see cref="X509Chain"/>, validity at <c>now</c>). A cert byte-identical to a root is
/// a valid one-element path (UAF.md §9.1: roots "may be the attestation cert itself"). Roots .NET
/// cannot parse are handled by <see cref="UnparsedRootCertificate"/> (docs/specs/attestation-quirks.md).
/// </summary>
internal static class AttestationPath
{
    public static UafFailure? Validate(IReadOnlyList<X509Certificate2> certificates, IReadOnlyList<byte[]> roots, DateTimeOffset now)
    {
        var attestationCertificate = certificates[0];
        if (roots.Any(root => root.AsSpan().SequenceEqual(attestationCertificate.RawData)))
            return null;

        var anchors = new X509Certificate2Collection();
        var unparsed = new List<UnparsedRootCertificate>();
        try
        {
            foreach (var root in roots)
            {
                if (BasicFullAttestation.TryLoad(root) is { } anchor)
                    anchors.Add(anchor);
                else if (UnparsedRootCertificate.TryRead(root) is { } fallback)
                    unparsed.Add(fallback);
            }
            var details = new List<string>();
            if (anchors.Count > 0)
            {
                var chainFailure = BuildChain(certificates, anchors, now);
                if (chainFailure is null)
                    return null;
                details.Add(chainFailure);
            }
            foreach (var root in unparsed)
            {
                var rootFailure = root.CheckIssued(attestationCertificate, now);
                if (rootFailure is null)
                    return null;
                details.Add(rootFailure);
            }
            if (details.Count == 0)
                details.Add("no metadata root certificate could be read");
            return AttestationVerifier.Fail($"attestation certificate does not chain to a metadata root: {string.Join("; ", details)}");
        }
        finally
        {
            foreach (var anchor in anchors)
                anchor.Dispose();
        }
    }

    private static string? BuildChain(IReadOnlyList<X509Certificate2> certificates, X509Certificate2Collection anchors, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(anchors);
        for (var i = 1; i < certificates.Count; i++)
            policy.ExtraStore.Add(certificates[i]);
        // Metadata statements carry no CRLs and attestation certificates rarely name a reachable
        // CRL distribution point; revocation is MDS status (ATTESTATION_KEY_COMPROMISE) instead.
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = now.UtcDateTime;
        policy.VerificationTimeIgnored = false;
        try
        {
            if (chain.Build(certificates[0]))
                return null;
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            // OpenSSL refuses some malformed certificates in X509_verify_cert itself (found by fuzzing).
            return $"chain build failed ({e.Message})";
        }
        var statuses = chain.ChainStatus.Select(s => s.Status.ToString()).Distinct();
        return $"chain build failed ({string.Join(", ", statuses)})";
    }
}
