using FigiAuth.Server.Limits;
using FigiAuth.Server.Operations;
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
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging();
        app.UseMiddleware<UafRequestLimits>();
        app.UseStaticFiles();
        app.UseRateLimiter();
        app.UseAuthentication();
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
