namespace FigiAuth.Uaf.Metadata;

/// <summary>Trust configuration for MDS3 BLOBs.</summary>
public sealed class Mds3BlobVerifierOptions
{
    /// <summary>
    /// DER trust anchors for the BLOB signing chain. Required. For the FIDO Metadata Service this is
    /// GlobalSign Root CA - R3 (SHA-256 <c>cbb522d7…c53b</c>).
    /// </summary>
    public IList<byte[]> RootCertificates { get; } = [];

    /// <summary>
    /// DER or PEM CRLs (downloaded next to the BLOB). When any is given, every certificate of the
    /// chain below the root must be covered by a current CRL signed by its issuer and must not be
    /// listed in it. Default: none, and then revocation is not checked.
    /// </summary>
    public IList<byte[]> CertificateRevocationLists { get; } = [];

    /// <summary>Accept <c>PS256</c> besides <c>RS256</c>/<c>ES256</c>. Default: true.</summary>
    public bool AllowPs256 { get; set; } = true;
}
