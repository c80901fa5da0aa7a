using FigiAuth.Server.Hosting;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Tokens;

/// <summary>
/// Issues short-lived ES256 JWT access tokens (iss = <see cref="IssuerName"/> of PublicOrigin, as OIDC tokens) signed
/// with the key ring's current key. Written directly rather than with JsonWebTokenHandler, which cost a few percent
/// of the server's CPU per authentication (see docs/PERFORMANCE.md); the tokens are the same.
/// </summary>
public sealed class AccessTokenIssuer(SigningKeyRing keys, TimeProvider time, IOptions<FigiAuthOptions> options)
{
    public const string RoleClaim = "role";

    /// <summary>The header's typ (RFC 9068), which JwtBearerSetup requires.</summary>
    public const string TokenType = "at+jwt";

    // Replaced, never mutated: a thread that reads a stale header also compares its kid and rebuilds.
    volatile EncodedJwsHeader? header;
    string? issuer;

    public string Issue(AccessTokenRequest request)
    {
        var o = options.Value;
        var key = keys.SigningKey;
        var writer = PayloadBuffer.Start(out var payload);
        AccessTokenPayload.Write(writer, request, Issuer(o), request.Audience ?? o.Tokens.Audience,
            time.GetUtcNow(), request.Lifetime ?? o.Tokens.AccessTokenLifetime);
        return Es256CompactJws.Sign(HeaderFor(key.KeyId).Segment, payload.Written, key.ECDsa);
    }

    /// <summary>The ring may rotate: the current key's kid decides whether the cached header still fits.</summary>
    EncodedJwsHeader HeaderFor(string? kid)
    {
        var cached = header;
        if (cached is null || cached.Kid != kid)
        {
            header = cached = EncodedJwsHeader.For(kid);
        }

        return cached;
    }

    // IOptions<T>.Value never changes, so neither does the issuer; a race only computes it twice.
    string Issuer(FigiAuthOptions o) => issuer ??= IssuerName.Of(o.PublicOrigin!);
}
