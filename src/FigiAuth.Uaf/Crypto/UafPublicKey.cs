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

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
