using System.Formats.Asn1;
using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Uaf.Crypto;

/// <summary>
/// RSA keys. PSS uses MGF1 with the signature hash and a salt as long as the hash (.NET's
/// <see cref="RSASignaturePadding.Pss"/>); DER algorithms (0x0004, 0x0009) wrap the raw signature in
/// a DER OCTET STRING (UAF.md §7.1).
/// </summary>
internal sealed class RsaUafPublicKey : UafPublicKey
{
    private readonly RSA _key;
    private readonly HashAlgorithmName _hash;
    private readonly RSASignaturePadding _padding;
    private readonly bool _derSignature;

    public RsaUafPublicKey(UafAlgorithmProfile profile, RSA key)
        : base(profile.Algorithm)
    {
        _key = key;
        _hash = profile.Hash;
        _padding = profile.Family == UafKeyFamily.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        _derSignature = profile.DerSignature;
    }

    public override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        try
        {
            if (_derSignature)
            {
                if (!AsnDecoder.TryReadPrimitiveOctetString(signature, AsnEncodingRules.DER, out var inner, out var consumed)
                    || consumed != signature.Length)
                    return false;
                signature = inner;
            }
            return _key.VerifyData(data, signature, _hash, _padding);
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
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
