using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FigiAuth.Server.Tests.Oidc;

/// <summary>The OIDC test server with a <see cref="FakeTimeProvider"/> clock (OpenIddict reads TimeProvider from DI).</summary>
public sealed class OidcClockServerFactory : OidcServerFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
