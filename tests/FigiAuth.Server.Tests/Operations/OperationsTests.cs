using System.Net;
using FigiAuth.Server.Ceremonies;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Operations;

public sealed class OperationsTests(FigiAuthServerFactory factory) : IClassFixture<FigiAuthServerFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Succeeds_WhenHealthIsAsked(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Succeeds_WhenCeremonyMetricsAreScraped()
    {
        var client = factory.CreateClient();
        factory.Services.GetRequiredService<CeremonyMetrics>().Record("uaf.reg.respond", "1200", TimeSpan.FromMilliseconds(12));

        var text = await client.GetStringAsync("/metrics");

        Assert.Contains("figiauth_ceremonies_total{", text);
        Assert.Contains("operation=\"uaf.reg.respond\"", text);
        Assert.Contains("figiauth_ceremony_duration_ms", text);
    }

    [Fact]
    public async Task Fails_With500ProblemDetailsWithoutExceptionText_WhenHandlerThrows()
    {
        using var throwing = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddTransient<IStartupFilter, ThrowingStartupFilter>()));
        var client = throwing.CreateClient();

        var response = await client.GetAsync(ThrowingStartupFilter.Path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(ThrowingStartupFilter.Secret, body);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
