using FigiAuth.Server.Uaf;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Verification;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class UafServiceCollectionExtensions
{
    /// <summary>The UAF endpoints' services: metadata (loaded at start), settings, key cache, ledger, issuer, processor.</summary>
    public static IServiceCollection AddFigiAuthUaf(this IServiceCollection services)
    {
        services.TryAddSingleton<UafMetadata>();
        services.TryAddSingleton<IMetadataStore>(sp => sp.GetRequiredService<UafMetadata>());
        services.TryAddSingleton<UafServerDataKey>();
        services.TryAddSingleton<UafSettings>();
        services.TryAddSingleton(_ => new UafPublicKeyCache());
        services.TryAddScoped<UafCeremonyLedger>();
        services.TryAddScoped<UafRegistrationLookup>();
        services.TryAddScoped<UafRequestIssuer>();
        services.TryAddScoped<UafResponseProcessor>();
        services.TryAddSingleton<FigiAuth.Server.HotPath.HotPathDatabase>();
        services.TryAddSingleton<UafAuthenticationRequests>();
        services.TryAddSingleton<UafAuthenticationResponder>();
        services.AddHostedService<UafStartup>();
        return services;
    }
}
