using FigiAuth.Uaf.Tlv;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Assertions;

/// <summary>
/// Reads TAG_UAFV1_AUTH_ASSERTION (UAF.md §6.3). Structure errors are UAF-AUTH-10, SignedData
/// content errors UAF-AUTH-11; both 1498. Unknown tags are refused, as in registration.
/// </summary>
public static class AuthenticationAssertionReader
{
    private const int Nonce = 32, TcHash = 64;

    public static AuthenticationAssertion Read(ReadOnlySpan<byte> assertion)
    {
        var step = UafSteps.Auth10;
        var children = AssertionTlv.Open(assertion, UafTag.UafV1AuthAssertion, UafTag.UafV1SignedData, step, out var first);
        var signedData = ReadSignedData(first);

        byte[]? signature = null;
        List<TlvExtension>? unsigned = null;
        while (!children.End)
        {
            var e = children.Read();
            switch (e.Tag)
            {
                case UafTag.Signature when signature is null && e.Value.Length > 0:
                    signature = e.Value.ToArray();
                    break;
                case var tag when AssertionTlv.IsExtension(tag):
                    AssertionTlv.Add(ref unsigned, AssertionTlv.Extension(e, step));
                    break;
                default:
                    throw new UafFormatException(step, $"TLV 0x{e.Tag:X4} is unexpected, empty or repeated in an authentication assertion");
            }
        }
        return signature is null
            ? throw new UafFormatException(step, "authentication assertion has no TAG_SIGNATURE")
            : new AuthenticationAssertion(signedData, signature, (IReadOnlyList<TlvExtension>?)unsigned ?? []);
    }

    private static SignedData ReadSignedData(UafTlvElement signedData)
    {
        var step = UafSteps.Auth11;
        var children = signedData.Children(step);
        var f = new SharedFields();
        byte[] nonce = [], tcHash = [];
        while (!children.End)
        {
            var e = children.Read();
            if (AssertionTlv.ReadShared(e, ref f, 5, 4, step))
                continue;
            switch (e.Tag)
            {
                case UafTag.AuthenticatorNonce:
                    AssertionTlv.Seen(ref f.Seen, Nonce, e.Tag, step);
                    nonce = e.Value.Length >= 8 ? e.Value.ToArray() : throw new UafFormatException(step, "TAG_AUTHENTICATOR_NONCE is shorter than 8 bytes");
                    break;
                case UafTag.TransactionContentHash:
                    AssertionTlv.Seen(ref f.Seen, TcHash, e.Tag, step);
                    tcHash = AssertionTlv.Hash(e.Value, "TAG_TRANSACTION_CONTENT_HASH", step, allowEmpty: true);
                    break;
                default:
                    throw new UafFormatException(step, $"TLV 0x{e.Tag:X4} is not allowed in TAG_UAFV1_SIGNED_DATA");
            }
        }
        AssertionTlv.Require(f.Seen, AssertionTlv.SharedBits | Nonce | TcHash, "TAG_UAFV1_SIGNED_DATA", step);
        var info = f.Info;
        return new SignedData(
            f.Aaid,
            AuthenticatorVersion: AssertionTlv.UInt16(info, 0),
            AuthenticationMode: info[2],
            SignatureAlgorithm: AssertionTlv.Algorithm(info, 3),
            nonce,
            f.FinalChallengeHash,
            tcHash,
            f.KeyId,
            SignCounter: AssertionTlv.UInt32(f.Counters, 0),
            (IReadOnlyList<TlvExtension>?)f.Extensions ?? [],
            signedData.Raw.ToArray());
    }
}
