using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace FigiAuth.Server.Tokens;

/// <summary>
/// The first segment of an access token, base64url of <c>{"alg":"ES256","kid":"…","typ":"at+jwt"}</c>: the same
/// for every token a key signs, so it is encoded once per kid rather than once per token.
/// </summary>
internal sealed class EncodedJwsHeader
{
    EncodedJwsHeader(string? kid, byte[] segment)
    {
        Kid = kid;
        Segment = segment;
    }

    public string? Kid { get; }

    /// <summary>The header segment as ASCII bytes, ready to copy in front of the payload segment.</summary>
    public byte[] Segment { get; }

    /// <summary>
    /// Members in the order and escaping JsonWebTokenHandler wrote them ("at+jwt", not "at\u002Bjwt"); kid left out when
    /// the key has none, as it did.
    /// </summary>
    public static EncodedJwsHeader For(string? kid)
    {
        var json = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(json, AccessTokenPayload.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", SigningKeyRing.Algorithm);
            if (kid is not null)
            {
                writer.WriteString("kid", kid);
            }

            writer.WriteString("typ", AccessTokenIssuer.TokenType);
            writer.WriteEndObject();
        }

        var segment = new byte[Base64Url.GetEncodedLength(json.WrittenCount)];
        Base64Url.EncodeToUtf8(json.WrittenSpan, segment);
        return new EncodedJwsHeader(kid, segment);
    }
}
