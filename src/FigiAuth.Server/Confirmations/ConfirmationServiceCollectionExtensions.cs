using FigiAuth.Server.Confirmations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class ConfirmationServiceCollectionExtensions
{
    /// <summary>DFS confirmations: options (FigiAuth:Confirmations), service, receipts, policies, callbacks and expiry.</summary>
    public static IServiceCollection AddFigiAuthConfirmations(this IServiceCollection services)
    {
        services.AddOptions<ConfirmationOptions>().BindConfiguration(ConfirmationOptions.SectionName)
            .Validate(o => o.DefaultLifetime > TimeSpan.Zero && o.DefaultLifetime <= o.MaxLifetime,
                "FigiAuth:Confirmations:DefaultLifetime must be positive and at most MaxLifetime")
            .Validate(o => o.MaxPendingPerUser > 0 && o.CallbackAttempts > 0 && o.SweepInterval > TimeSpan.Zero,
                "FigiAuth:Confirmations limits and intervals must be positive")
            .ValidateOnStart();
        services.TryAddSingleton<ReceiptIssuer>();
        services.TryAddScoped<ConfirmationService>();
        services.AddAuthorizationBuilder().AddConfirmationPolicies();
        services.TryAddSingleton<CallbackConnector>();
        services.AddHttpClient(ConfirmationCallbackService.HttpClientName)
            .ConfigureHttpClient((sp, c) => c.Timeout = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ConfirmationOptions>>().Value.CallbackTimeout)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<CallbackConnector>().CreateHandler());
        services.AddHostedService<ConfirmationCallbackService>();
        return services;
    }
}
