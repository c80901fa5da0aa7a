using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FigiAuth.Server.Tests.Uaf;

/// <summary>The server with a <see cref="FakeTimeProvider"/> clock (SECURITY.md D4).</summary>
public sealed class UafClockServerFactory : FigiAuthServerFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The server answering rejected responses with the conformance profile (1498).</summary>
public sealed class UafConformanceServerFactory : FigiAuthServerFactory
{
    public UafConformanceServerFactory() => Settings["FigiAuth:Uaf:StatusProfile"] = "Conformance";
}
