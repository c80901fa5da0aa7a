using FigiAuth.Samples.FigiAuthApi;

namespace Microsoft.Extensions.DependencyInjection;

public static class FigiAuthApiServiceCollectionExtensions
{
    /// <summary>The HTTP client of FigiAuth's confirmations API: tokens, confirmations, receipt checks.</summary>
    public static IServiceCollection AddFigiAuthApi(this IServiceCollection services)
    {
        services.AddOptions<FigiAuthApiOptions>().BindConfiguration("FigiAuth")
            .Validate(o => o.Server.IsAbsoluteUri, "FigiAuth:Server must be an absolute URL")
            .Validate(o => !string.IsNullOrEmpty(o.ClientCredentials.ClientSecret),
                "FigiAuth:ClientCredentials:ClientSecret is required (appsettings.Development.json has the development one)")
            .ValidateOnStart();
        services.AddHttpClient(FigiAuthHttp.Name, (sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<FigiAuthApiOptions>>().Value.Server;
            http.Timeout = TimeSpan.FromSeconds(15);
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ClientCredentialsTokenSource>();
        services.AddSingleton<ConfirmationsClient>();
        services.AddSingleton<ReceiptCheck>();
        return services;
    }
}
