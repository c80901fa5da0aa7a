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
    public static UafFailure? Validate(IReadOnlyList<CachedCertificate> certificates, IReadOnlyList<byte[]> roots, DateTimeOffset now)
    {
        var attestationCertificate = certificates[0];
        foreach (var root in roots)
        {
            if (root.AsSpan().SequenceEqual(attestationCertificate.Der))
                return null;
        }

        var anchors = AttestationCache.AnchorsFor(roots);
        var details = new List<string>();
        if (anchors.Loaded.Count > 0)
        {
            var path = certificates.Count == 1 ? attestationCertificate.Sha256 : string.Join('|', certificates.Select(c => c.Sha256));
            if (anchors.HasValidPath(path, now))
                return null;
            var chainFailure = BuildChain(certificates, anchors, path, now);
            if (chainFailure is null)
                return null;
            details.Add(chainFailure);
        }
        foreach (var root in anchors.Unparsed)
        {
            var rootFailure = root.CheckIssued(attestationCertificate.Certificate, now);
            if (rootFailure is null)
                return null;
            details.Add(rootFailure);
        }
        if (details.Count == 0)
            details.Add("no metadata root certificate could be read");
        return AttestationVerifier.Fail($"attestation certificate does not chain to a metadata root: {string.Join("; ", details)}");
    }

    private static string? BuildChain(IReadOnlyList<CachedCertificate> certificates, TrustAnchors anchors, string path, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(anchors.Loaded);
        for (var i = 1; i < certificates.Count; i++)
            policy.ExtraStore.Add(certificates[i].Certificate);
        // Metadata statements carry no CRLs and attestation certificates rarely name a reachable
        // CRL distribution point; revocation is MDS status (ATTESTATION_KEY_COMPROMISE) instead.
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = now.UtcDateTime;
        policy.VerificationTimeIgnored = false;
        try
        {
            if (chain.Build(certificates[0].Certificate))
            {
                anchors.AddValidPath(path, chain);
                return null;
            }
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
