using System.Net;

namespace FigiAuth.Server.Tests.Limits;

/// <summary>SECURITY.md D6, RL-01: throttling is 429 with Retry-After, not 503.</summary>
public sealed class RateLimitTests(LowRateLimitServerFactory factory) : IClassFixture<LowRateLimitServerFactory>
{
    [Fact]
    public async Task Fails_With429AndRetryAfter_WhenUafLimitIsExceeded()
    {
        var client = factory.CreateClient();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i <= LowRateLimitServerFactory.Limit; i++)
        {
            responses.Add(await client.GetAsync("/uaf/v1/facets"));
        }

        var rejected = responses[^1];
        Assert.All(responses[..^1], r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.True(rejected.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
