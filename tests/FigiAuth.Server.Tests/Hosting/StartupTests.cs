using FigiAuth.Server.Hosting;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task Fails_NamingPublicOrigin_WhenProductionHasNoPublicOrigin()
    {
        await using var factory = new FigiAuthServerFactory { Environment = "Production" };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("FigiAuth:PublicOrigin is required outside Development", Flatten(error));
    }

    [Fact]
    public async Task Fails_NamingCertificatePath_WhenConfiguredKeyIsRequiredButMissing()
    {
        await using var factory = new FigiAuthServerFactory { Environment = "Production" };
        factory.Settings["FigiAuth:PublicOrigin"] = "https://id.example.test";
        factory.Settings["FigiAuth:Signing:RequireConfiguredKey"] = "true";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("FigiAuth:Signing:CertificatePath", Flatten(error));
    }

    [Fact]
    public async Task Fails_NamingDataProtectionCertificatePath_WhenProductionHasNone()
    {
        await using var factory = new FigiAuthServerFactory { Environment = "Production" };
        factory.Settings["FigiAuth:PublicOrigin"] = "https://id.example.test";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("FigiAuth:DataProtection:CertificatePath is required outside Development", Flatten(error));
    }

    [Fact]
    public async Task Fails_NamingDataProtectionCertificatePath_WhenCertificateCannotBeRead()
    {
        await using var factory = new FigiAuthServerFactory { Environment = "Production" };
        factory.Settings["FigiAuth:PublicOrigin"] = "https://id.example.test";
        factory.WithDataProtectionCertificate(Path.Combine(factory.Folder, "missing.pfx"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("FigiAuth:DataProtection:CertificatePath cannot be used", Flatten(error));
    }

    [Fact]
    public async Task Succeeds_WithDerivedAppId_WhenProductionHasPublicOrigin()
    {
        await using var factory = new FigiAuthServerFactory { Environment = "Production" }.WithDataProtectionCertificate();
        factory.Settings["FigiAuth:PublicOrigin"] = "https://id.example.test/";

        var client = factory.CreateClient();
        var options = factory.Services.GetRequiredService<IOptions<FigiAuthOptions>>().Value;

        Assert.Equal("https://id.example.test", options.PublicOrigin);
        Assert.Equal("https://id.example.test/uaf/v1/facets", options.Uaf.AppId);
        Assert.False(options.Uaf.OpenEnrollment);
        Assert.Equal(StatusProfile.Detailed, options.Uaf.StatusProfile);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Succeeds_WithOpenEnrollmentAndOrigin_InDevelopment()
    {
        await using var factory = new FigiAuthServerFactory();

        var options = factory.Services.GetRequiredService<IOptions<FigiAuthOptions>>().Value;

        Assert.True(options.Uaf.OpenEnrollment);
        Assert.False(string.IsNullOrEmpty(options.PublicOrigin));
        Assert.Equal($"{options.PublicOrigin}/uaf/v1/facets", options.Uaf.AppId);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Uaf.ChallengeLifetime);
    }

    // Every exception in the chain, AggregateException branches included.
    static string Flatten(Exception e) => e is AggregateException a
        ? e + string.Concat(a.InnerExceptions.Select(Flatten))
        : e.InnerException is null ? e.ToString() : e + Flatten(e.InnerException);
}
