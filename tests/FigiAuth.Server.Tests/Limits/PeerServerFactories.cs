using System.Globalization;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Limits;

/// <summary>A low per-IP limit; requests name their peer address with <see cref="TestPeer.Header"/>. FigiAuth:ForwardedHeaders unset.</summary>
public class PeerServerFactory : FigiAuthServerFactory
{
    public const int Limit = 3;

    public PeerServerFactory() => Settings["FigiAuth:RateLimits:PerIpPermitLimit"] = Limit.ToString(CultureInfo.InvariantCulture);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestPeer>());
    }
}

/// <summary>As <see cref="PeerServerFactory"/>, trusting proxy 10.0.0.1 and network 10.9.0.0/16.</summary>
public sealed class TrustedProxyServerFactory : PeerServerFactory
{
    public const string Proxy = "10.0.0.1";

    public TrustedProxyServerFactory()
    {
        Settings["FigiAuth:ForwardedHeaders:KnownProxies:0"] = Proxy;
        Settings["FigiAuth:ForwardedHeaders:KnownNetworks:0"] = "10.9.0.0/16";
    }
}
