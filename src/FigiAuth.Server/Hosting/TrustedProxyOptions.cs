namespace FigiAuth.Server.Hosting;

/// <summary>
/// Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed ("FigiAuth:ForwardedHeaders"). Off by
/// default: with no proxy or network listed the headers are ignored from everyone, loopback included, and the client
/// address (rate limits, logs) is the connection's.
/// </summary>
public sealed class TrustedProxyOptions
{
    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>. Default: none.</summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>. Default: none.</summary>
    public IList<string> KnownNetworks { get; set; } = [];

    /// <summary>How many X-Forwarded-For entries are read from the right (proxies in a row). Default: 1.</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
