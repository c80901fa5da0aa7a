using System.Security.Cryptography.X509Certificates;

namespace FigiAuth.Uaf.Metadata;

public sealed partial class Mds3BlobVerifier
{
    // MDS-04: "path-validate the chain to the anchor" (RFC 5280) at the TimeProvider's time.
    private UafFailure? ValidateChain(X509Certificate2[] x5c)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(_roots);
        policy.ExtraStore.AddRange(x5c[1..]);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        if (!chain.Build(x5c[0]))
        {
            var status = string.Join(", ", chain.ChainStatus.Select(s => s.Status));
            return Fail("MDS-04", $"the x5c chain does not validate to a configured root: {status}");
        }
        return CheckRevocation([.. chain.ChainElements.Select(e => e.Certificate)]);
    }

    // MDS-05: with CRLs configured, every certificate below the root needs a current CRL from its
    // issuer that does not list it; a missing or stale CRL is a failure (status unknown).
    private UafFailure? CheckRevocation(X509Certificate2[] path)
    {
        if (_crls.Count == 0)
            return null;
        var now = _time.GetUtcNow();
        for (var i = 0; i < path.Length - 1; i++)
        {
            var crl = _crls.FirstOrDefault(c => c.IsIssuedBy(path[i + 1]) && c.IsCurrent(now));
            if (crl is null)
                return Fail("MDS-05", $"no current CRL from {path[i + 1].Subject} for {path[i].Subject}");
            if (crl.IsRevoked(path[i]))
                return Fail("MDS-05", $"{path[i].Subject} is revoked");
        }
        return null;
    }
}
