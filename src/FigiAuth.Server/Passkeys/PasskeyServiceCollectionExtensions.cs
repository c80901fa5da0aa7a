using Fido2NetLib;
using FigiAuth.Server.Ceremonies;
using FigiAuth.Server.Passkeys;
using FigiAuth.Server.Uaf;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class PasskeyServiceCollectionExtensions
{
    /// <summary>Passkeys on the Fido2 package (which does the WebAuthn verification): its configuration from
    /// FigiAuth:Passkeys, <see cref="IFido2"/> with <see cref="PasskeyMetadataService"/> (the MDS3 BLOB UAF uses, so Fido2 checks attestation
    /// chains against its roots), and the ceremonies.</summary>
    public static IServiceCollection AddFigiAuthPasskeys(this IServiceCollection services)
    {
        services.AddOptions<PasskeyOptions>().BindConfiguration(PasskeyOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<PasskeyOptions>, PasskeyOptionsSetup>());
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<PasskeyOptions>>().Value;
            return new Fido2Configuration
            {
                RPID = o.RpId ?? throw new InvalidOperationException("FigiAuth:Passkeys:RpId is required"),
                RPName = o.RpName,
                Origins = o.Origins.ToHashSet(StringComparer.Ordinal),
                Timeout = (uint)o.Timeout.TotalMilliseconds,
                ChallengeSize = 32,
            };
        });
        services.TryAddSingleton(sp => sp.GetService<UafMetadata>() is { } uaf
            ? new PasskeyMetadataService(uaf.Repository)
            : new PasskeyMetadataService(() => null));
        services.TryAddSingleton<IFido2>(sp =>
            new Fido2(sp.GetRequiredService<Fido2Configuration>(), sp.GetRequiredService<PasskeyMetadataService>()));
        services.TryAddSingleton<PasskeyUsernameMask>();
        services.TryAddScoped<PasskeyCeremonies>();
        return services;
    }
}
