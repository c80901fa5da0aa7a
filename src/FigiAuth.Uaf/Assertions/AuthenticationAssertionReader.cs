using FigiAuth.Uaf.Tlv;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Assertions;

/// <summary>
/// Reads TAG_UAFV1_AUTH_ASSERTION (UAF.md §6.3). Structure errors are UAF-AUTH-10, SignedData
/// content errors UAF-AUTH-11; both 1498. Unknown tags are refused, as in registration.
/// </summary>
public static class AuthenticationAssertionReader
{
    private const int Aaid = 1, Info = 2, Nonce = 4, Fch = 8, TcHash = 16, KeyId = 32, Counters = 64;
    private const int AllSignedData = Aaid | Info | Nonce | Fch | TcHash | KeyId | Counters;

    public static AuthenticationAssertion Read(ReadOnlySpan<byte> assertion)
    {
        var step = UafSteps.Auth10;
        var top = UafTlvReader.ReadSingle(assertion, UafTag.UafV1AuthAssertion, step);
        var children = top.Children(step);
        if (children.End)
            throw new UafFormatException(step, "empty authentication assertion");
        var first = children.Read();
        if (first.Tag != UafTag.UafV1SignedData)
            throw new UafFormatException(step, $"first element is 0x{first.Tag:X4}, not TAG_UAFV1_SIGNED_DATA");
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
        int seen = 0;
        string aaid = "";
        ReadOnlySpan<byte> info = default, counters = default;
        byte[] nonce = [], fch = [], tcHash = [], keyId = [];
        List<TlvExtension>? extensions = null;
        while (!children.End)
        {
            var e = children.Read();
            switch (e.Tag)
            {
                case UafTag.Aaid:
                    AssertionTlv.Seen(ref seen, Aaid, e.Tag, step);
                    aaid = AssertionTlv.Aaid(e.Value, step);
                    break;
                case UafTag.AssertionInfo:
                    AssertionTlv.Seen(ref seen, Info, e.Tag, step);
                    info = AssertionTlv.Exact(e.Value, 5, "SignedData TAG_ASSERTION_INFO", step);
                    break;
                case UafTag.AuthenticatorNonce:
                    AssertionTlv.Seen(ref seen, Nonce, e.Tag, step);
                    nonce = e.Value.Length >= 8 ? e.Value.ToArray() : throw new UafFormatException(step, "TAG_AUTHENTICATOR_NONCE is shorter than 8 bytes");
                    break;
                case UafTag.FinalChallengeHash:
                    AssertionTlv.Seen(ref seen, Fch, e.Tag, step);
                    fch = AssertionTlv.Hash(e.Value, "TAG_FINAL_CHALLENGE_HASH", step);
                    break;
                case UafTag.TransactionContentHash:
                    AssertionTlv.Seen(ref seen, TcHash, e.Tag, step);
                    tcHash = AssertionTlv.Hash(e.Value, "TAG_TRANSACTION_CONTENT_HASH", step, allowEmpty: true);
                    break;
                case UafTag.KeyId:
                    AssertionTlv.Seen(ref seen, KeyId, e.Tag, step);
                    keyId = AssertionTlv.KeyId(e.Value, step);
                    break;
                case UafTag.Counters:
                    AssertionTlv.Seen(ref seen, Counters, e.Tag, step);
                    counters = AssertionTlv.Exact(e.Value, 4, "SignedData TAG_COUNTERS", step);
                    break;
                case var tag when AssertionTlv.IsExtension(tag):
                    AssertionTlv.Add(ref extensions, AssertionTlv.Extension(e, step));
                    break;
                default:
                    throw new UafFormatException(step, $"TLV 0x{e.Tag:X4} is not allowed in TAG_UAFV1_SIGNED_DATA");
            }
        }
        AssertionTlv.Require(seen, AllSignedData, "TAG_UAFV1_SIGNED_DATA", step);
        return new SignedData(
            aaid,
            AuthenticatorVersion: AssertionTlv.UInt16(info, 0),
            AuthenticationMode: info[2],
            SignatureAlgorithm: AssertionTlv.Algorithm(info, 3),
            nonce,
            fch,
            tcHash,
            keyId,
            SignCounter: AssertionTlv.UInt32(counters, 0),
            (IReadOnlyList<TlvExtension>?)extensions ?? [],
            signedData.Raw.ToArray());
    }
}
