using FigiAuth.Server.Limits;
using FigiAuth.Server.Operations;
using FigiAuth.Server.Uaf;
using Scalar.AspNetCore;
using Serilog;

namespace Microsoft.AspNetCore.Builder;

public static class FigiAuthApplicationExtensions
{
    /// <summary>The middleware pipeline and every endpoint group.</summary>
    public static WebApplication UseFigiAuth(this WebApplication app)
    {
        // First, so logs and rate limits see the client behind a trusted proxy (FigiAuth:ForwardedHeaders; off by default).
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        // The two requests of every UAF ceremony skip the rest of the pipeline, with the same limits and checks (UafFastLane).
        app.UseMiddleware<UafFastLane>();
        // Said here, after the fast lane: WebApplication would otherwise put routing at the very start, in front of it.
        app.UseRouting();
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging();
        app.UseMiddleware<UafRequestLimits>();
        app.UseStaticFiles();
        app.UseRateLimiter();
        // The UAF endpoints read no ambient user: a registration's caller is authenticated explicitly (UafCaller), and the
        // rate limiter ran before this point anyway. Skipping the authentication middleware there spares every UAF request
        // the OpenID Connect server's request dispatch (docs/PERFORMANCE.md "Server load test").
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/uaf"), branch => branch.UseAuthentication());
        // WebApplication adds UseAuthentication() in front of everything unless the app called it itself; the call above is
        // on a branch, so say it here (the key UseAuthentication sets, AuthAppBuilderExtensions in ASP.NET Core).
        ((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
        app.UseAuthorization();

        app.MapOperationsEndpoints();
        app.MapJwks();
        app.MapAdminEndpoints();
        app.MapConfirmationEndpoints();
        app.MapOidcEndpoints();
        app.MapHighValueApi();
        app.MapPasskeyEndpoints();
        app.MapRazorPages();
        app.MapUafEndpoints();
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi();
            app.MapScalarApiReference("/scalar");
        }

        app.LogListeningUrls();
        return app;
    }
}
