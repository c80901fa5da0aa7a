using System.Security.Cryptography.X509Certificates;
using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Uaf.Crypto;

/// <summary>
/// An authenticator public key (UAuth.pub or an attestation key) imported once and ready to verify
/// signatures of one ALG_SIGN. Importing costs more than verifying: callers cache instances.
/// </summary>
public abstract class UafPublicKey : IDisposable
{
    protected UafPublicKey(UafSignatureAlgorithm algorithm) => Algorithm = algorithm;

    public UafSignatureAlgorithm Algorithm { get; }

    /// <summary>Verifies <paramref name="signature"/> (in the algorithm's wire encoding) over <paramref name="data"/>.</summary>
    public abstract bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature);

    /// <summary>
    /// Imports <paramref name="encoded"/> in <paramref name="encoding"/> for <paramref name="algorithm"/>.
    /// Fails with 1495 for an algorithm not supported here and 1494 for a malformed, mismatched or weak key.
    /// </summary>
    public static UafResult<UafPublicKey> Import(
        UafSignatureAlgorithm algorithm, UafPublicKeyEncoding encoding, ReadOnlySpan<byte> encoded, string stepId) =>
        UafPublicKeyImporter.Import(algorithm, encoding, encoded, stepId);

    /// <summary>
    /// Imports a DER SubjectPublicKeyInfo (an attestation certificate's key) for <paramref name="algorithm"/>:
    /// the key's type and curve must be the algorithm's (1494), the algorithm must be supported (1495).
    /// </summary>
    public static UafResult<UafPublicKey> FromSubjectPublicKeyInfo(
        UafSignatureAlgorithm algorithm, ReadOnlySpan<byte> subjectPublicKeyInfo, string stepId) =>
        UafPublicKeyImporter.Import(
            algorithm, UafPublicKeyImporter.SubjectPublicKeyInfoEncoding(algorithm), subjectPublicKeyInfo, stepId);

    /// <summary>The key of <paramref name="certificate"/>, to verify signatures of <paramref name="algorithm"/>.</summary>
    public static UafResult<UafPublicKey> FromCertificate(
        X509Certificate2 certificate, UafSignatureAlgorithm algorithm, string stepId) =>
        FromSubjectPublicKeyInfo(algorithm, certificate.PublicKey.ExportSubjectPublicKeyInfo(), stepId);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
