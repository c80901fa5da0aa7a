using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Tlv;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace FigiAuth.Client.Tests;

/// <summary>
/// Parses and verifies the software authenticator's assertions with plain System.Security.Cryptography
/// (BouncyCastle for Ed25519) and the TLV reader, never with the core's verifiers, so a client bug
/// and a server bug cannot cancel out.
/// </summary>
internal static class IndependentVerifier
{
    public sealed record Krd(byte[] Raw, string Aaid, byte[] Info, byte[] Fch, byte[] KeyId, uint SignCounter, uint RegCounter, byte[] PublicKey)
    {
        public ushort AttestationAlgorithm => BinaryPrimitives.ReadUInt16LittleEndian(Info.AsSpan(3));
        public ushort KeyEncoding => BinaryPrimitives.ReadUInt16LittleEndian(Info.AsSpan(5));
    }

    public sealed record Registration(Krd Krd, ushort AttestationTag, byte[] Signature, List<byte[]> Certificates);

    public sealed record SignedData(byte[] Raw, string Aaid, byte[] Info, byte[] Nonce, byte[] Fch, byte[] TcHash, byte[] KeyId, uint SignCounter, byte[] Signature)
    {
        public byte Mode => Info[2];
        public ushort Algorithm => BinaryPrimitives.ReadUInt16LittleEndian(Info.AsSpan(3));
    }

    public static Registration ParseRegistration(byte[] assertion)
    {
        var outer = UafTlvReader.ReadSingle(assertion, UafTag.UafV1RegAssertion, "T").Children("T");
        var krdElement = outer.Read();
        Assert.Equal(UafTag.UafV1Krd, krdElement.Tag);
        var fields = ReadFields(krdElement.Children("T"));
        var counters = fields[UafTag.Counters].Single();
        Assert.Equal(8, counters.Length);
        var krd = new Krd(krdElement.Raw.ToArray(), Encoding.ASCII.GetString(fields[UafTag.Aaid].Single()), fields[UafTag.AssertionInfo].Single(),
            fields[UafTag.FinalChallengeHash].Single(), fields[UafTag.KeyId].Single(),
            BinaryPrimitives.ReadUInt32LittleEndian(counters), BinaryPrimitives.ReadUInt32LittleEndian(counters.AsSpan(4)),
            fields[UafTag.PublicKey].Single());
        Assert.Equal(7, krd.Info.Length);
        var attestation = outer.Read();
        Assert.True(outer.End);
        var att = ReadFields(attestation.Children("T"));
        return new Registration(krd, attestation.Tag, att[UafTag.Signature].Single(),
            att.TryGetValue(UafTag.AttestationCert, out var certs) ? certs : []);
    }

    public static SignedData ParseAuthentication(byte[] assertion)
    {
        var outer = UafTlvReader.ReadSingle(assertion, UafTag.UafV1AuthAssertion, "T").Children("T");
        var signed = outer.Read();
        Assert.Equal(UafTag.UafV1SignedData, signed.Tag);
        var fields = ReadFields(signed.Children("T"));
        var signature = outer.Read();
        Assert.Equal(UafTag.Signature, signature.Tag);
        Assert.True(outer.End);
        var counter = fields[UafTag.Counters].Single();
        Assert.Equal(4, counter.Length);
        var info = fields[UafTag.AssertionInfo].Single();
        Assert.Equal(5, info.Length);
        return new SignedData(signed.Raw.ToArray(), Encoding.ASCII.GetString(fields[UafTag.Aaid].Single()), info,
            fields[UafTag.AuthenticatorNonce].Single(), fields[UafTag.FinalChallengeHash].Single(),
            fields[UafTag.TransactionContentHash].Single(), fields[UafTag.KeyId].Single(),
            BinaryPrimitives.ReadUInt32LittleEndian(counter), signature.Value.ToArray());
    }

    private static Dictionary<ushort, List<byte[]>> ReadFields(UafTlvReader reader)
    {
        var fields = new Dictionary<ushort, List<byte[]>>();
        while (!reader.End)
        {
            var element = reader.Read();
            if (!fields.TryGetValue(element.Tag, out var list))
                fields[element.Tag] = list = [];
            list.Add(element.Value.ToArray());
        }
        return fields;
    }

    /// <summary>H used for the final challenge hash: SHA-384/512 for P-384/P-521, SHA-256 otherwise (EdDSA included).</summary>
    public static byte[] ChallengeHash(UafSignatureAlgorithm algorithm, byte[] data) => algorithm switch
    {
        UafSignatureAlgorithm.Secp384r1EcdsaSha384Raw => SHA384.HashData(data),
        UafSignatureAlgorithm.Secp521r1EcdsaSha512Raw => SHA512.HashData(data),
        _ => SHA256.HashData(data),
    };

    /// <summary>Verifies a signature in the ALG_SIGN format with a TAG_PUB_KEY in the ALG_KEY encoding.</summary>
    public static bool Verify(UafSignatureAlgorithm algorithm, UafPublicKeyEncoding encoding, byte[] publicKey, byte[] data, byte[] signature)
    {
        switch (algorithm)
        {
            case UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw or UafSignatureAlgorithm.Secp256r1EcdsaSha256Der:
                return VerifyEc(ECCurve.NamedCurves.nistP256, 32, HashAlgorithmName.SHA256, encoding, publicKey, data, signature, Der(algorithm));
            case UafSignatureAlgorithm.Secp256k1EcdsaSha256Raw or UafSignatureAlgorithm.Secp256k1EcdsaSha256Der:
                return VerifyEc(ECCurve.CreateFromValue("1.3.132.0.10"), 32, HashAlgorithmName.SHA256, encoding, publicKey, data, signature, Der(algorithm));
            case UafSignatureAlgorithm.Secp384r1EcdsaSha384Raw:
                return VerifyEc(ECCurve.NamedCurves.nistP384, 48, HashAlgorithmName.SHA384, encoding, publicKey, data, signature, false);
            case UafSignatureAlgorithm.Secp521r1EcdsaSha512Raw:
                return VerifyEc(ECCurve.NamedCurves.nistP521, 66, HashAlgorithmName.SHA512, encoding, publicKey, data, signature, false);
            case UafSignatureAlgorithm.RsassaPssSha256Raw or UafSignatureAlgorithm.RsassaPssSha256Der
                or UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Raw or UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Der:
                using (var rsa = RSA.Create())
                {
                    if (encoding == UafPublicKeyEncoding.Rsa2048Raw)
                        rsa.ImportParameters(new RSAParameters { Modulus = publicKey[..256], Exponent = publicKey[256..] });
                    else
                        rsa.ImportRSAPublicKey(publicKey, out _);
                    Assert.Equal(2048, rsa.KeySize);
                    var raw = signature;
                    if (algorithm is UafSignatureAlgorithm.RsassaPssSha256Der or UafSignatureAlgorithm.RsaEmsaPkcs1Sha256Der)
                    {
                        // DER OCTET STRING 04 82 01 00 around the 256 raw bytes.
                        Assert.Equal([0x04, 0x82, 0x01, 0x00], signature[..4]);
                        raw = signature[4..];
                    }
                    Assert.Equal(256, raw.Length);
                    var padding = algorithm is UafSignatureAlgorithm.RsassaPssSha256Raw or UafSignatureAlgorithm.RsassaPssSha256Der
                        ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
                    return rsa.VerifyData(data, raw, HashAlgorithmName.SHA256, padding);
                }
            case UafSignatureAlgorithm.Ed25519EddsaSha512Raw:
                Assert.Equal(UafPublicKeyEncoding.Cose, encoding);
                // COSE_Key: A4 01 01 03 27 20 06 21 58 20 | x (32 bytes)
                Assert.Equal([0xA4, 0x01, 0x01, 0x03, 0x27, 0x20, 0x06, 0x21, 0x58, 0x20], publicKey[..10]);
                var verifier = new Ed25519Signer();
                verifier.Init(false, new Ed25519PublicKeyParameters(publicKey, 10));
                verifier.BlockUpdate(data, 0, data.Length);
                return signature.Length == 64 && verifier.VerifySignature(signature);
            default:
                throw new NotSupportedException(algorithm.ToString());
        }
    }

    private static bool Der(UafSignatureAlgorithm algorithm) =>
        algorithm is UafSignatureAlgorithm.Secp256r1EcdsaSha256Der or UafSignatureAlgorithm.Secp256k1EcdsaSha256Der;

    private static bool VerifyEc(ECCurve curve, int size, HashAlgorithmName hash, UafPublicKeyEncoding encoding, byte[] publicKey,
        byte[] data, byte[] signature, bool der)
    {
        using var ec = ECDsa.Create();
        if (encoding == UafPublicKeyEncoding.EccX962Raw)
        {
            Assert.Equal(1 + 2 * size, publicKey.Length);
            Assert.Equal(0x04, publicKey[0]);
            ec.ImportParameters(new ECParameters { Curve = curve, Q = new ECPoint { X = publicKey[1..(1 + size)], Y = publicKey[(1 + size)..] } });
        }
        else
        {
            ec.ImportSubjectPublicKeyInfo(publicKey, out var read);
            Assert.Equal(publicKey.Length, read);
        }
        if (!der)
            Assert.Equal(2 * size, signature.Length);
        else
            Assert.Equal(0x30, signature[0]);
        return ec.VerifyData(data, signature, hash, der ? DSASignatureFormat.Rfc3279DerSequence : DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>Path-validates an attestation chain (leaf first) to exactly <paramref name="root"/>.</summary>
    public static bool ChainsTo(IReadOnlyList<byte[]> chain, X509Certificate2 root)
    {
        using var leaf = X509CertificateLoader.LoadCertificate(chain[0]);
        using var x509 = new X509Chain();
        x509.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        x509.ChainPolicy.CustomTrustStore.Add(X509CertificateLoader.LoadCertificate(root.RawData));
        x509.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        foreach (var intermediate in chain.Skip(1))
            x509.ChainPolicy.ExtraStore.Add(X509CertificateLoader.LoadCertificate(intermediate));
        return x509.Build(leaf);
    }
}
