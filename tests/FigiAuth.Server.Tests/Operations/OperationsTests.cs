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

        var text = await ScrapeUntilShownAsync(client, "uaf.reg.respond");

        Assert.Contains("figiauth_ceremonies_total{", text);
        Assert.Contains("operation=\"uaf.reg.respond\"", text);
        Assert.Contains("figiauth_ceremony_duration_ms", text);
    }

    [Fact]
    public async Task ResolvesSubMillisecondDurations_InTheHistogramBuckets()
    {
        var client = factory.CreateClient();
        factory.Services.GetRequiredService<CeremonyMetrics>().Record("uaf.test.sub-ms", "1200", TimeSpan.FromMilliseconds(0.4));

        var buckets = (await ScrapeUntilShownAsync(client, "uaf.test.sub-ms")).Split('\n')
            .Where(l => l.StartsWith("figiauth_ceremony_duration_ms_bucket{", StringComparison.Ordinal)
                && l.Contains("operation=\"uaf.test.sub-ms\"", StringComparison.Ordinal)).ToList();

        Assert.EndsWith(" 0", Assert.Single(buckets, l => l.Contains("le=\"0.25\"", StringComparison.Ordinal)));
        Assert.EndsWith(" 1", Assert.Single(buckets, l => l.Contains("le=\"0.5\"", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The exporter answers a scrape from a copy kept for a moment (and a metric recorded just after a scrape in another
    /// test misses it): asks again until the operation shows, for at most five seconds.
    /// </summary>
    static async Task<string> ScrapeUntilShownAsync(HttpClient client, string operation)
    {
        for (var attempt = 0; ; attempt++)
        {
            var text = await client.GetStringAsync("/metrics");
            if (text.Contains($"operation=\"{operation}\"", StringComparison.Ordinal) || attempt == 50)
            {
                return text;
            }

            await Task.Delay(100);
        }
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
