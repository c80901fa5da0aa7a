using System.Net;
using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Limits;

/// <summary>SECURITY.md §6 (ForwardedHeaders), ASVS 15.3.4: the per-IP limit sees the client behind a trusted proxy only.</summary>
public sealed class ForwardedHeadersTests(TrustedProxyServerFactory factory) : IClassFixture<TrustedProxyServerFactory>
{
    [Theory]
    [InlineData(TrustedProxyServerFactory.Proxy, "198.51.100.1", "198.51.100.2")]
    [InlineData("10.9.4.4", "198.51.100.11", "198.51.100.12")]
    public async Task Succeeds_WithSeparateBuckets_WhenTrustedProxyForwardsTwoClients(string proxy, string first, string second)
    {
        var statuses = await FacetsAsync(factory, proxy, Enumerable.Repeat(first, PeerServerFactory.Limit + 1));

        var other = await FacetsAsync(factory, proxy, [second]);

        Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, Assert.Single(other));
    }

    [Fact]
    public async Task Fails_With429_WhenUntrustedPeerSendsADifferentForwardedForEachTime()
    {
        var statuses = await FacetsAsync(factory, "192.0.2.7",
            Enumerable.Range(1, PeerServerFactory.Limit + 1).Select(i => $"198.51.100.{100 + i}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Fails_NamingKnownNetworks_WhenANetworkIsNotCidr()
    {
        await using var bad = new FigiAuthServerFactory();
        bad.Settings["FigiAuth:ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/33";

        var error = Assert.ThrowsAny<Exception>(() => bad.CreateClient());

        Assert.Contains("FigiAuth:ForwardedHeaders:KnownNetworks", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>GET /uaf/v1/facets from <paramref name="peer"/>, once per X-Forwarded-For value.</summary>
    internal static async Task<List<HttpStatusCode>> FacetsAsync(FigiAuthServerFactory server, string peer, IEnumerable<string> forwardedFor)
    {
        var client = server.CreateClient();
        var statuses = new List<HttpStatusCode>();
        foreach (var address in forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/uaf/v1/facets");
            request.Headers.Add(TestPeer.Header, peer);
            request.Headers.Add("X-Forwarded-For", address);
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        return statuses;
    }
}

/// <summary>FigiAuth:ForwardedHeaders unset: X-Forwarded-For is ignored even from loopback.</summary>
public sealed class ForwardedHeadersUnsetTests(PeerServerFactory factory) : IClassFixture<PeerServerFactory>
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.1")]
    public async Task Fails_With429_WhenForwardedForVariesButNoProxyIsTrusted(string peer)
    {
        var statuses = await ForwardedHeadersTests.FacetsAsync(factory, peer,
            Enumerable.Range(1, PeerServerFactory.Limit + 1).Select(i => $"198.51.100.{200 + i}"));

        Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
