using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Uaf.Crypto;

/// <summary>ECDSA keys: RAW algorithms carry r‖s, DER algorithms a SEQUENCE { r, s }.</summary>
internal sealed class EcdsaUafPublicKey : UafPublicKey
{
    private readonly ECDsa _key;
    private readonly HashAlgorithmName _hash;
    private readonly DSASignatureFormat _format;

    public EcdsaUafPublicKey(UafSignatureAlgorithm algorithm, ECDsa key, HashAlgorithmName hash, DSASignatureFormat format)
        : base(algorithm)
    {
        _key = key;
        _hash = hash;
        _format = format;
    }

    public override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        try
        {
            return _key.VerifyData(data, signature, _hash, _format);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _key.Dispose();
    }
}
