using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace FigiAuth.Server.Oidc;

/// <summary>Lifetimes and the secure choices OpenIddict leaves open (SECURITY.md §4.3, §6).</summary>
internal sealed class OidcServerPolicySetup(IOptions<OidcOptions> oidc) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        // PKCE with S256 only (OIDC-03): "plain" sends the verifier in the clear.
        options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
        options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
        // A rotated refresh token presented again is refused at once, and OpenIddict then revokes the grant (OIDC-17).
        options.RefreshTokenReuseLeeway = TimeSpan.Zero;
        options.AuthorizationCodeLifetime = oidc.Value.AuthorizationCodeLifetime;
        options.RefreshTokenLifetime = oidc.Value.RefreshTokenLifetime;
        options.IdentityTokenLifetime = oidc.Value.IdentityTokenLifetime;
        // Sliding refresh would extend the family forever; the lifetime is absolute.
        options.DisableSlidingRefreshTokenExpiration = true;
    }
}
