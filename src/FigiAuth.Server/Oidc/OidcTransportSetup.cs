using FigiAuth.Server.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Server.AspNetCore;

namespace FigiAuth.Server.Oidc;

/// <summary>OpenIddict refuses plain HTTP unless told; allow it only when the public origin itself is http (Development,
/// loopback tests) — never behind an https origin.</summary>
internal sealed class OidcTransportSetup(IOptions<FigiAuthOptions> figiAuth) : IConfigureOptions<OpenIddictServerAspNetCoreOptions>
{
    public void Configure(OpenIddictServerAspNetCoreOptions options) =>
        options.DisableTransportSecurityRequirement =
            figiAuth.Value.PublicOrigin?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true;
}
