using System.Net;
using FigiAuth.Server.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Limits;

/// <summary>
/// ForwardedHeadersOptions from FigiAuth:ForwardedHeaders, applied last so nothing else (ASPNETCORE_FORWARDEDHEADERS_ENABLED
/// clears the lists, which trusts every sender) widens it. Without listed proxies no header is processed at all, as
/// the middleware trusts everyone when both lists are empty (SECURITY.md §6, ASVS 15.3.4).
/// </summary>
internal sealed class ForwardedHeadersSetup(IOptions<FigiAuthOptions> options) : IPostConfigureOptions<ForwardedHeadersOptions>
{
    public void PostConfigure(string? name, ForwardedHeadersOptions forwarded)
    {
        var trust = options.Value.ForwardedHeaders;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        if (!trust.Enabled)
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.None;
            return;
        }

        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.ForwardLimit = trust.ForwardLimit;
        foreach (var proxy in trust.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in trust.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
