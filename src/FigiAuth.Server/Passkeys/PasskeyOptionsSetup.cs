using FigiAuth.Server.Hosting;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Passkeys;

/// <summary>Derives RP ID and origins from FigiAuth:PublicOrigin when not configured.</summary>
internal sealed class PasskeyOptionsSetup(IOptions<FigiAuthOptions> figiAuth) : IPostConfigureOptions<PasskeyOptions>
{
    public void PostConfigure(string? name, PasskeyOptions options)
    {
        if (figiAuth.Value.PublicOrigin is not { Length: > 0 } origin)
        {
            return;
        }

        options.RpId ??= new Uri(origin).Host;
        if (options.Origins.Count == 0)
        {
            options.Origins.Add(origin);
        }
    }
}
