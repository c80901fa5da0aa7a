using FigiAuth.Server.Accounts;
using FigiAuth.Server.Admin;
using FigiAuth.Server.Audit;
using FigiAuth.Server.Ceremonies;
using FigiAuth.Server.Data;
using FigiAuth.Server.Hosting;
using FigiAuth.Server.Limits;
using FigiAuth.Server.Operations;
using FigiAuth.Server.Tokens;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Microsoft.Extensions.DependencyInjection;

public static class FigiAuthServiceCollectionExtensions
{
    /// <summary>Everything the server needs; TryAdd throughout so hosts and tests can replace parts.</summary>
    public static IServiceCollection AddFigiAuth(this IServiceCollection services, Action<FigiAuthOptions>? configure = null)
    {
        services.AddOptions<FigiAuthOptions>().BindConfiguration(FigiAuthOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<FigiAuthOptions>, FigiAuthOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FigiAuthOptions>, FigiAuthOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Start-up steps run in this order: migrations, signing keys, Development seed.
        services.AddFigiAuthDatabase();
        services.AddFigiAuthTokens();
        services.AddFigiAuthIdentity();
        services.AddHostedService<DevelopmentSeeder>();

        services.TryAddScoped<ChallengeStore>();
        services.AddHostedService<ChallengePurgeService>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddScoped<AuditChainVerifier>();
        services.TryAddScoped<UserDirectory>();
        services.AddFigiAuthConfirmations();
        services.AddFigiAuthUaf();
        services.AddHostedService<FigiAuth.Server.Admin.Metadata.MetadataOverrideLoader>();

        services.AddFigiAuthHttp();
        services.AddFigiAuthOperations();
        services.AddFigiAuthOidc();
        services.AddFigiAuthAccounts();
        services.AddFigiAuthPasskeys();
        return services;
    }

    static void AddFigiAuthTokens(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("FigiAuth").PersistKeysToDbContext<FigiAuthDbContext>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<KeyManagementOptions>, DataProtectionKeyEncryptionSetup>());
        services.TryAddSingleton<SigningKeyRing>();
        services.TryAddSingleton<AccessTokenIssuer>();
        services.AddHostedService<SigningKeyBootstrap>();
    }

    static void AddFigiAuthIdentity(this IServiceCollection services)
    {
        services.AddIdentity<FigiAuthUser, IdentityRole<Guid>>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<FigiAuthDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // APIs answer 401/403; only pages redirect to the login page.
            o.Events.OnRedirectToLogin = c => ApiOrRedirect(c.HttpContext, c.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiOrRedirect(c.HttpContext, c.RedirectUri, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication().AddJwtBearer();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>());
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy.Name, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireRole(AdminPolicy.Role));
    }

    static Task ApiOrRedirect(HttpContext context, string redirectUri, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/admin") || path.StartsWithSegments("/uaf") || path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }

        return Task.CompletedTask;
    }

    static void AddFigiAuthHttp(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.MaxDepth = 32);
        // Malformed requests become 400/415 problem details, also in Development.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddRateLimiter(_ => { });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<RateLimiterOptions>, RateLimitingSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<ForwardedHeadersOptions>, ForwardedHeadersSetup>());
        services.AddOpenApi();
    }

    static void AddFigiAuthOperations(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [OperationsEndpoints.ReadyTag]);
        services.TryAddSingleton<CeremonyMetrics>();
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(CeremonyMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());
    }
}
