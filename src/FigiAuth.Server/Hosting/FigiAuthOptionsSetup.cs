using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Hosting;

/// <summary>Fills the defaults that depend on the environment: PublicOrigin, AppId and OpenEnrollment in Development.</summary>
internal sealed class FigiAuthOptionsSetup(IHostEnvironment environment, IConfiguration configuration)
    : IPostConfigureOptions<FigiAuthOptions>
{
    public const string DevelopmentUrl = "http://127.0.0.1:5080";

    public void PostConfigure(string? name, FigiAuthOptions options)
    {
        if (environment.IsDevelopment())
        {
            options.PublicOrigin ??= FirstUrl(configuration["urls"]) ?? DevelopmentUrl;
            if (configuration["FigiAuth:Uaf:OpenEnrollment"] is null)
            {
                options.Uaf.OpenEnrollment = true;
            }
        }

        options.PublicOrigin = options.PublicOrigin?.TrimEnd('/');
        if (options.PublicOrigin is { Length: > 0 })
        {
            options.Uaf.AppId ??= $"{options.PublicOrigin}/uaf/v1/facets";
        }
    }

    static string? FirstUrl(string? urls) =>
        urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
