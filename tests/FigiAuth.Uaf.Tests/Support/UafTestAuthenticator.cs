using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Tlv;

namespace FigiAuth.Uaf.Tests.Support;

/// <summary>
/// A test-only UAF authenticator: a P-256 key made in the test, real KRD / SignedData TLV (written
/// with <see cref="UafTlvWriter"/>), surrogate attestation by default or basic full with a test CA.
/// </summary>
public sealed class UafTestAuthenticator
{
    public string Aaid { get; init; } = "FFFF#FC01";
    public ECDsa Key { get; init; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>
    /// ECDSA SHA-256 as r‖s with the given key: .NET's (random k) by default; the fuzz seeds use RFC 6979 so
    /// their assertions are the same bytes on every run.
    /// </summary>
    public Func<ECDsa, byte[], byte[]> SignWith { get; init; } = static (key, data) => key.SignData(data, HashAlgorithmName.SHA256);
    public byte[] KeyId { get; init; } = RandomNumberGenerator.GetBytes(32);
    public ushort Version { get; set; } = 1;
    public uint SignCounter { get; set; } = 1;
    public uint RegCounter { get; set; } = 1;

    public string KeyIdBase64Url => StrictBase64Url.Encode(KeyId);

    /// <summary>X9.62 uncompressed point, as TAG_PUB_KEY carries it for ECC_X962_RAW.</summary>
    public byte[] PublicKey
    {
        get
        {
            var q = Key.ExportParameters(false).Q;
            return [0x04, .. q.X!, .. q.Y!];
        }
    }

    public TlvFields KrdFields(string fcParams) => new([
        (UafTag.Aaid, System.Text.Encoding.ASCII.GetBytes(Aaid)),
        (UafTag.AssertionInfo, [.. TestTlv.UInt16(Version), 0x01, .. TestTlv.UInt16(0x0001), .. TestTlv.UInt16(0x0100)]),
        (UafTag.FinalChallengeHash, SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(fcParams))),
        (UafTag.KeyId, KeyId),
        (UafTag.Counters, [.. TestTlv.UInt32(SignCounter), .. TestTlv.UInt32(RegCounter)]),
        (UafTag.PublicKey, PublicKey),
    ]);

    public TlvFields SignedDataFields(string fcParams, byte mode = 0x01, byte[]? transactionHash = null) => new([
        (UafTag.Aaid, System.Text.Encoding.ASCII.GetBytes(Aaid)),
        (UafTag.AssertionInfo, [.. TestTlv.UInt16(Version), mode, .. TestTlv.UInt16(0x0001)]),
        (UafTag.AuthenticatorNonce, RandomNumberGenerator.GetBytes(16)),
        (UafTag.FinalChallengeHash, SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(fcParams))),
        (UafTag.TransactionContentHash, transactionHash ?? []),
        (UafTag.KeyId, KeyId),
        (UafTag.Counters, TestTlv.UInt32(SignCounter)),
    ]);

    /// <summary>TAG_UAFV1_REG_ASSERTION with surrogate attestation: the new key signs the whole KRD element.</summary>
    public byte[] Register(TlvFields krd, Func<byte[], byte[], byte[]>? assemble = null)
    {
        var krdElement = krd.Encode(UafTag.UafV1Krd);
        var signature = SignWith(Key, krdElement);
        var attestation = TestTlv.Composite(UafTag.AttestationBasicSurrogate, TestTlv.Element(UafTag.Signature, signature));
        return assemble is null
            ? TestTlv.Composite(UafTag.UafV1RegAssertion, krdElement, attestation)
            : assemble(krdElement, signature);
    }

    /// <summary>TAG_UAFV1_REG_ASSERTION with basic full attestation: <paramref name="attestationKey"/> signs, <paramref name="chain"/> leaf first.</summary>
    public byte[] RegisterBasicFull(TlvFields krd, ECDsa attestationKey, params byte[][] chain)
    {
        var krdElement = krd.Encode(UafTag.UafV1Krd);
        var signature = SignWith(attestationKey, krdElement);
        var attestation = TestTlv.Composite(UafTag.AttestationBasicFull,
            [TestTlv.Element(UafTag.Signature, signature), .. chain.Select(c => TestTlv.Element(UafTag.AttestationCert, c))]);
        return TestTlv.Composite(UafTag.UafV1RegAssertion, krdElement, attestation);
    }

    /// <summary>TAG_UAFV1_AUTH_ASSERTION signed by <paramref name="signer"/> (default: this authenticator's key).</summary>
    public byte[] Sign(TlvFields signedData, ECDsa? signer = null, params byte[][] trailing)
    {
        var element = signedData.Encode(UafTag.UafV1SignedData);
        var signature = SignWith(signer ?? Key, element);
        return TestTlv.Composite(UafTag.UafV1AuthAssertion, [element, TestTlv.Element(UafTag.Signature, signature), .. trailing]);
    }
}
