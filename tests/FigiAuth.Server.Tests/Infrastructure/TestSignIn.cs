using System.Globalization;
using FigiAuth.Server.Accounts;
using FigiAuth.Server.Data;
using FigiAuth.Server.Oidc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Infrastructure;

/// <summary>
/// Test-only: GET /__test/signin?user=alice&amp;acr=figiauth:hwk&amp;age=0 signs the user in with the Identity cookie, as a
/// passkey sign-in would (acr, amr, auth_time = now - age seconds). Lives in the test project only.
/// </summary>
public sealed class TestSignIn : IStartupFilter
{
    public const string Path = "/__test/signin";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // Not app.Map: that would move the path into PathBase and scope the cookie to it.
        app.Use((context, nextMiddleware) => context.Request.Path == Path ? SignInAsync(context) : nextMiddleware());
        next(app);
    };

    static async Task SignInAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var user = await services.GetRequiredService<UserDirectory>().FindOrCreateAsync(context.Request.Query["user"].ToString());
        var acr = context.Request.Query["acr"].FirstOrDefault() ?? AuthenticationLevels.HardwareKey;
        var age = int.Parse(context.Request.Query["age"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
        var amr = AuthenticationLevels.AmrForPasskey(backupEligible: acr == AuthenticationLevels.SoftwareKey, userVerified: true);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await services.GetRequiredService<SignInManager<FigiAuthUser>>()
            .SignInWithClaimsAsync(user, isPersistent: false, AuthenticationLevels.SessionClaims(acr, amr, now.AddSeconds(-age)));
        await context.Response.WriteAsync(user.Id.ToString());
    }
}
