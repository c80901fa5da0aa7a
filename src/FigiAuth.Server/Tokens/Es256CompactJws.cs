using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FigiAuth.Server.Tokens;

/// <summary>
/// header.payload.signature for ES256 (RFC 7518 §3.4): SHA-256 over the ASCII of "header.payload", signed with a
/// P-256 key, the signature as raw r||s (64 bytes, not DER), every segment base64url without padding.
/// </summary>
internal static class Es256CompactJws
{
    public const int SignatureLength = 64;
    static readonly int EncodedSignatureLength = Base64Url.GetEncodedLength(SignatureLength);

    /// <summary>
    /// Thread safety: one ECDsa from the key ring signs on every request thread at once, without a lock or a pool.
    /// The .NET documentation promises no thread safety for instance members; this relies on the implementation
    /// (.NET 10, Linux, ECDsaOpenSsl): a signature keeps nothing in the instance but the loaded key handle, signs
    /// into stack buffers and hashes with the static one-shot SHA-256, and OpenSSL signs concurrently with one
    /// key (a key's EVP_PKEY/EC_KEY is only read while signing). Re-check when moving to another platform's ECDsa.
    /// </summary>
    public static string Sign(ReadOnlySpan<byte> headerSegment, ReadOnlySpan<byte> payloadJson, ECDsa key)
    {
        var signedLength = headerSegment.Length + 1 + Base64Url.GetEncodedLength(payloadJson.Length);
        var tokenLength = signedLength + 1 + EncodedSignatureLength;
        var rented = ArrayPool<byte>.Shared.Rent(tokenLength);
        try
        {
            var token = rented.AsSpan(0, tokenLength);
            headerSegment.CopyTo(token);
            token[headerSegment.Length] = (byte)'.';
            Base64Url.EncodeToUtf8(payloadJson, token[(headerSegment.Length + 1)..]);

            Span<byte> signature = stackalloc byte[SignatureLength];
            if (!key.TrySignData(token[..signedLength], signature, HashAlgorithmName.SHA256,
                    DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out var written) || written != SignatureLength)
            {
                throw new CryptographicException("The signing key is not a P-256 key: an ES256 signature is 64 bytes.");
            }

            token[signedLength] = (byte)'.';
            Base64Url.EncodeToUtf8(signature, token[(signedLength + 1)..]);
            return Encoding.ASCII.GetString(token);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
