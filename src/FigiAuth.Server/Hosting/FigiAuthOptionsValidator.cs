using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Hosting;

/// <summary>Stops startup when required configuration is missing; each message names the configuration key.</summary>
internal sealed class FigiAuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<FigiAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, FigiAuthOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.PublicOrigin))
        {
            failures.Add("FigiAuth:PublicOrigin is required outside Development");
        }
        else if (!Uri.TryCreate(options.PublicOrigin, UriKind.Absolute, out var origin) || origin.PathAndQuery != "/")
        {
            failures.Add("FigiAuth:PublicOrigin must be an absolute origin such as https://id.example.com");
        }

        if (!environment.IsDevelopment() && options.Signing.RequireConfiguredKey
            && string.IsNullOrWhiteSpace(options.Signing.CertificatePath))
        {
            failures.Add("FigiAuth:Signing:CertificatePath is required when FigiAuth:Signing:RequireConfiguredKey is true");
        }

        if (string.IsNullOrWhiteSpace(options.DataProtection.CertificatePath))
        {
            if (!environment.IsDevelopment())
            {
                failures.Add("FigiAuth:DataProtection:CertificatePath is required outside Development (it encrypts the Data Protection keys at rest)");
            }
        }
        else if (DataProtectionCertificate.Problem(options.DataProtection) is { } problem)
        {
            failures.Add($"FigiAuth:DataProtection:CertificatePath cannot be used: {problem}");
        }

        if (options.Uaf.ChallengeLifetime <= TimeSpan.Zero)
        {
            failures.Add("FigiAuth:Uaf:ChallengeLifetime must be positive");
        }

        if (options.Tokens.AccessTokenLifetime <= TimeSpan.Zero)
        {
            failures.Add("FigiAuth:Tokens:AccessTokenLifetime must be positive");
        }

        if (options.RateLimits.PerIpPermitLimit <= 0 || options.RateLimits.PerUserPermitLimit <= 0
            || options.RateLimits.Window <= TimeSpan.Zero)
        {
            failures.Add("FigiAuth:RateLimits limits and window must be positive");
        }

        var proxies = options.ForwardedHeaders;
        if (proxies.KnownProxies.Any(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            failures.Add("FigiAuth:ForwardedHeaders:KnownProxies must be IP addresses");
        }

        if (proxies.KnownNetworks.Any(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            failures.Add("FigiAuth:ForwardedHeaders:KnownNetworks must be networks in CIDR notation, e.g. 10.0.0.0/24");
        }

        if (proxies.ForwardLimit < 1)
        {
            failures.Add("FigiAuth:ForwardedHeaders:ForwardLimit must be at least 1");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
