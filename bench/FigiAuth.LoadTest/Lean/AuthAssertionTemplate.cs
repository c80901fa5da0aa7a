using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Tlv;

namespace FigiAuth.LoadTest.Lean;

/// <summary>
/// A user's TAG_UAFV1_AUTH_ASSERTION for ALG_SIGN_SECP256R1_ECDSA_SHA256_RAW, laid out once with the core's TLV writer
/// exactly as the SDK's SoftwareAuthenticator writes it (UAF Authenticator Commands §5.2.2 / §6.3.3.2 "Sign"):
/// SIGNED_DATA = AAID, ASSERTION_INFO (version, mode 0x01 user verified, algorithm), AUTHENTICATOR_NONCE (16 bytes),
/// FINAL_CHALLENGE_HASH, TRANSACTION_CONTENT_HASH (empty), KEYID, COUNTERS (sign counter); then SIGNATURE over the
/// whole SIGNED_DATA element. Every ceremony only overwrites the nonce, the hash, the counter and the signature.
/// </summary>
internal sealed class AuthAssertionTemplate
{
    const int NonceSize = 16;
    const int HashSize = 32;
    const int SignatureSize = 64;
    const byte ModeUserVerified = 0x01;

    readonly byte[] assertion;
    readonly Range signedData;
    readonly Range nonce;
    readonly Range finalChallengeHash;
    readonly Range counter;
    readonly Range signature;

    public AuthAssertionTemplate(string aaid, ushort authenticatorVersion, ReadOnlySpan<byte> keyId)
    {
        Span<byte> info = stackalloc byte[5];
        BinaryPrimitives.WriteUInt16LittleEndian(info, authenticatorVersion);
        info[2] = ModeUserVerified;
        BinaryPrimitives.WriteUInt16LittleEndian(info[3..], (ushort)UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw);

        var w = new UafTlvWriter().BeginComposite(UafTag.UafV1AuthAssertion);
        var signedStart = w.Length;
        w.BeginComposite(UafTag.UafV1SignedData)
            .Write(UafTag.Aaid, Encoding.ASCII.GetBytes(aaid))
            .Write(UafTag.AssertionInfo, info);
        nonce = ValueOf(w.Write(UafTag.AuthenticatorNonce, new byte[NonceSize]), NonceSize);
        finalChallengeHash = ValueOf(w.Write(UafTag.FinalChallengeHash, new byte[HashSize]), HashSize);
        w.Write(UafTag.TransactionContentHash, []).Write(UafTag.KeyId, keyId);
        counter = ValueOf(w.Write(UafTag.Counters, new byte[4]), 4);
        signedData = signedStart..w.EndComposite().Length;
        signature = ValueOf(w.Write(UafTag.Signature, new byte[SignatureSize]), SignatureSize);
        assertion = w.EndComposite().ToArray();
    }

    /// <summary>
    /// Fills in a fresh nonce, H(fcParams) (SHA-256 of the fcParams string's ASCII bytes, as the server recomputes it),
    /// <paramref name="signCounter"/> and the raw r||s signature, and returns the assertion (valid until the next call).
    /// </summary>
    public ReadOnlySpan<byte> Sign(ECDsa key, ReadOnlySpan<byte> fcParamsAscii, uint signCounter)
    {
        var bytes = assertion.AsSpan();
        RandomNumberGenerator.Fill(bytes[nonce]);
        SHA256.HashData(fcParamsAscii, bytes[finalChallengeHash]);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[counter], signCounter);
        if (!key.TrySignData(bytes[signedData], bytes[signature], HashAlgorithmName.SHA256,
                DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out var written) || written != SignatureSize)
        {
            throw new CryptographicException("P-256 signature did not fit 64 bytes");
        }

        return bytes;
    }

    /// <summary>Where the value of the element just written lies: the last <paramref name="size"/> bytes so far.</summary>
    static Range ValueOf(UafTlvWriter w, int size) => (w.Length - size)..w.Length;
}
