using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace FigiAuth.Server.Tests.Infrastructure;

/// <summary>
/// Test-only: sets the connection's remote address (TestServer has none) from the request header <see cref="Header"/>,
/// before the server's pipeline, as if the request came from that address.
/// </summary>
public sealed class TestPeer : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers[Header].FirstOrDefault() is { } peer)
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                context.Request.Headers.Remove(Header);
            }

            return nextMiddleware();
        });
        next(app);
    };
}
