using FigiAuth.Uaf.Algorithms;
using Org.BouncyCastle.Crypto;

namespace FigiAuth.Uaf.Crypto;

/// <summary>
/// Keys of the algorithms .NET has no verifier for (Ed25519, Ed448, SM2), verified with
/// BouncyCastle. A signer is made per call: BouncyCastle signers keep state.
/// </summary>
internal sealed class BouncyCastleUafPublicKey : UafPublicKey
{
    private readonly Func<ISigner> _createSigner;
    private readonly ICipherParameters _parameters;

    public BouncyCastleUafPublicKey(UafSignatureAlgorithm algorithm, Func<ISigner> createSigner, ICipherParameters parameters)
        : base(algorithm)
    {
        _createSigner = createSigner;
        _parameters = parameters;
    }

    public override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        try
        {
            var signer = _createSigner();
            signer.Init(false, _parameters);
            signer.BlockUpdate(data);
            return signer.VerifySignature(signature.ToArray());
        }
        catch (Exception e) when (e is CryptoException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    protected override void Dispose(bool disposing)
    {
    }
}
