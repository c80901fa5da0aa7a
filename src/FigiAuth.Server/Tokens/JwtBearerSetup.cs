using FigiAuth.Server.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace FigiAuth.Server.Tokens;

/// <summary>Validates bearer tokens issued by <see cref="AccessTokenIssuer"/> against the key ring.</summary>
internal sealed class JwtBearerSetup(SigningKeyRing ring, IOptions<FigiAuthOptions> options)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions bearer)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        var o = options.Value;
        bearer.MapInboundClaims = false;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuers = [IssuerName.Of(o.PublicOrigin!), o.PublicOrigin],
            ValidAudience = o.Tokens.Audience,
            ValidAlgorithms = [SigningKeyRing.Algorithm],
            ValidTypes = [AccessTokenIssuer.TokenType],
            IssuerSigningKeyResolver = (_, _, _, _) => ring.ValidationKeys,
            NameClaimType = "sub",
            RoleClaimType = AccessTokenIssuer.RoleClaim,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
