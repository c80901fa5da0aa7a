using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using FigiAuth.Uaf.Encoding;

namespace FigiAuth.Uaf.Metadata;

/// <summary>
/// Verifies a FIDO Metadata Service v3 BLOB (JWS compact serialisation, UAF.md §9.3) and reads its
/// payload. Steps: MDS-01 JWS shape, MDS-02 header (alg, x5c), MDS-03 signature over
/// <c>header.payload</c> with the leaf key, MDS-04 chain to a configured root, MDS-05 CRLs,
/// MDS-06 payload. Failures carry status 1498 and the step ID; a failed BLOB must be ignored.
/// </summary>
/// <see href="https://fidoalliance.org/specs/mds/fido-metadata-service-v3.0-ps-20210518.html"/>
public sealed partial class Mds3BlobVerifier
{
    private readonly X509Certificate2Collection _roots;
    private readonly IReadOnlyList<CertificateRevocationList> _crls;
    private readonly bool _allowPs256;
    private readonly TimeProvider _time;

    public Mds3BlobVerifier(Mds3BlobVerifierOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (options.RootCertificates.Count == 0)
            throw new ArgumentException("at least one MDS3 root certificate is required", nameof(options));
        _roots = [.. options.RootCertificates.Select(X509CertificateLoader.LoadCertificate)];
        _crls = [.. options.CertificateRevocationLists.Select(CertificateRevocationList.Parse)];
        _allowPs256 = options.AllowPs256;
        _time = timeProvider;
    }

    public UafResult<Mds3Blob> Verify(string jws)
    {
        var parts = jws?.Split('.') ?? [];
        if (parts.Length != 3
            || !StrictBase64Url.TryDecode(parts[0], out var headerBytes)
            || !StrictBase64Url.TryDecode(parts[1], out var payloadBytes)
            || !StrictBase64Url.TryDecode(parts[2], out var signature))
            return Fail("MDS-01", "not a JWS compact serialisation with three base64url parts");

        var header = ReadHeader(headerBytes);
        if (!header.Succeeded)
            return header.Failure;
        var (alg, chain) = header.Value;
        try
        {
            var signingInput = System.Text.Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
            if (!VerifySignature(alg, chain[0], signingInput, signature))
                return Fail("MDS-03", $"the {alg} signature does not verify with the x5c leaf key");
            var chainFailure = ValidateChain(chain);
            if (chainFailure is not null)
                return chainFailure;
            return Mds3BlobReader.ReadPayload(System.Text.Encoding.UTF8.GetString(payloadBytes));
        }
        catch (MetadataFormatException e)
        {
            return Fail("MDS-06", $"payload: {e.Message}");
        }
        finally
        {
            foreach (var certificate in chain)
                certificate.Dispose();
        }
    }

    private UafResult<(string Alg, X509Certificate2[] Chain)> ReadHeader(byte[] headerBytes)
    {
        try
        {
            using var doc = JsonDocument.Parse(headerBytes);
            var header = MetadataJson.RequireObject(doc.RootElement, "the JWS header");
            if (MetadataJson.Member(header, "crit") is not null)
                return Fail("MDS-02", "the JWS header has 'crit' parameters this verifier does not understand");
            var alg = MetadataJson.OptionalString(header, "alg");
            if (alg is not ("ES256" or "RS256") && !(alg is "PS256" && _allowPs256))
                return Fail("MDS-02", $"JWS alg '{alg}' is not accepted");
            var x5c = MetadataJson.OptionalStringArray(header, "x5c");
            if (x5c.Count == 0)
                return Fail("MDS-02", "the JWS header has no x5c certificate chain");
            return (alg, [.. x5c.Select(c => X509CertificateLoader.LoadCertificate(MetadataJson.Base64(c, "x5c")))]);
        }
        catch (Exception e) when (e is JsonException or MetadataFormatException or CryptographicException)
        {
            return Fail("MDS-02", $"bad JWS header: {e.Message}");
        }
    }

    private static bool VerifySignature(string alg, X509Certificate2 leaf, byte[] data, byte[] signature)
    {
        if (alg == "ES256")
        {
            using var ec = leaf.GetECDsaPublicKey();
            return ec is { KeySize: 256 } && signature.Length == 64
                && ec.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        using var rsa = leaf.GetRSAPublicKey();
        return rsa is { KeySize: >= 2048 }
            && rsa.VerifyData(data, signature, HashAlgorithmName.SHA256,
                alg == "PS256" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
    }

    private static UafFailure Fail(string stepId, string detail) =>
        new(UafStatusCode.UnacceptableContent, stepId, detail);
}
