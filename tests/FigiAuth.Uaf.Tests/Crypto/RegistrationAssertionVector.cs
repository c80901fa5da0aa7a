using System.Buffers.Binary;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Assertions;
using FigiAuth.Uaf.Tlv;

namespace FigiAuth.Uaf.Tests.Crypto;

/// <summary>Reads a TAG_UAFV1_REG_ASSERTION from the vector files with the project's TLV reader.</summary>
public static class RegistrationAssertionVector
{
    private const string Step = "TEST";

    public static RegistrationAssertion Parse(string base64Url)
    {
        var bytes = Convert.FromBase64String(base64Url.Replace('-', '+').Replace('_', '/').PadRight((base64Url.Length + 3) / 4 * 4, '='));
        var top = UafTlvReader.ReadSingle(bytes, UafTag.UafV1RegAssertion, Step);
        var children = top.Children(Step);
        KeyRegistrationData? krd = null;
        var type = (UafAttestationType)0;
        byte[] signature = [];
        var certificates = new List<byte[]>();
        while (!children.End)
        {
            var element = children.Read();
            if (element.Tag == UafTag.UafV1Krd)
            {
                krd = ParseKrd(element);
                continue;
            }
            if (element.Tag is not (UafTag.AttestationBasicFull or UafTag.AttestationBasicSurrogate or UafTag.AttestationEcdaa))
                continue;
            type = (UafAttestationType)element.Tag;
            var attestation = element.Children(Step);
            while (!attestation.End)
            {
                var item = attestation.Read();
                if (item.Tag == UafTag.Signature)
                    signature = item.Value.ToArray();
                else if (item.Tag == UafTag.AttestationCert)
                    certificates.Add(item.Value.ToArray());
            }
        }
        return new RegistrationAssertion(krd!, type, signature, certificates, []);
    }

    private static KeyRegistrationData ParseKrd(UafTlvElement krd)
    {
        var reader = krd.Children(Step);
        string aaid = "";
        byte[] info = [], fch = [], keyId = [], counters = new byte[8], publicKey = [];
        while (!reader.End)
        {
            var element = reader.Read();
            var value = element.Value.ToArray();
            switch (element.Tag)
            {
                case UafTag.Aaid: aaid = System.Text.Encoding.ASCII.GetString(value); break;
                case UafTag.AssertionInfo: info = value; break;
                case UafTag.FinalChallengeHash: fch = value; break;
                case UafTag.KeyId: keyId = value; break;
                case UafTag.Counters: counters = value; break;
                case UafTag.PublicKey: publicKey = value; break;
            }
        }
        return new KeyRegistrationData(
            aaid,
            BinaryPrimitives.ReadUInt16LittleEndian(info),
            info[2],
            (UafSignatureAlgorithm)BinaryPrimitives.ReadUInt16LittleEndian(info.AsSpan(3)),
            (UafPublicKeyEncoding)BinaryPrimitives.ReadUInt16LittleEndian(info.AsSpan(5)),
            fch, keyId,
            BinaryPrimitives.ReadUInt32LittleEndian(counters),
            BinaryPrimitives.ReadUInt32LittleEndian(counters.AsSpan(4)),
            publicKey, [], krd.Raw.ToArray());
    }
}
