using System.Buffers.Text;
using System.Security.Cryptography;
using FigiAuth.Server.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.AspNetCore.Builder;

public static class JwksEndpoints
{
    /// <summary>GET /.well-known/jwks.json: the public signing keys, private parts never included.</summary>
    public static IEndpointConventionBuilder MapJwks(this IEndpointRouteBuilder app) =>
        app.MapGet("/.well-known/jwks.json", GetJwks).WithTags("Keys").AllowAnonymous();

    static Ok<JsonWebKeySetDocument> GetJwks(SigningKeyRing ring, HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(new JsonWebKeySetDocument(ring.ValidationKeys.Select(k =>
        {
            var p = k.ECDsa.ExportParameters(includePrivateParameters: false);
            return new JsonWebKeyDocument("EC", "P-256", Base64Url.EncodeToString(p.Q.X), Base64Url.EncodeToString(p.Q.Y),
                k.KeyId, "sig", SigningKeyRing.Algorithm);
        }).ToList()));
    }
}
