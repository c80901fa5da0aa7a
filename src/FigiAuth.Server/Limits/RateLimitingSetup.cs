using System.Globalization;
using System.Threading.RateLimiting;
using FigiAuth.Server.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Limits;

/// <summary>
/// Fixed-window limits from FigiAuth:RateLimits. Rejections are 429 with Retry-After (SECURITY.md D6), not the
/// framework's 503. The partition key is the client IP: the connection's, or the one a proxy of
/// FigiAuth:ForwardedHeaders forwarded (UseForwardedHeaders runs first).
/// </summary>
internal sealed class RateLimitingSetup(IOptions<FigiAuthOptions> options) : IConfigureOptions<RateLimiterOptions>
{
    public void Configure(RateLimiterOptions limiter)
    {
        var limits = options.Value.RateLimits;
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = OnRejectedAsync;
        limiter.AddPolicy(RateLimitPolicies.Uaf, context => PerIp(context, limits));
        limiter.AddPolicy(RateLimitPolicies.PerUser, context =>
        {
            var user = context.User.FindFirst("sub")?.Value ?? context.User.Identity?.Name;
            return user is null
                ? PerIp(context, limits)
                : RateLimitPartition.GetFixedWindowLimiter("user:" + user, _ => Window(limits.PerUserPermitLimit, limits.Window));
        });
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.Request.Path.StartsWithSegments("/uaf") ? PerIp(context, limits) : RateLimitPartition.GetNoLimiter(string.Empty));
    }

    static RateLimitPartition<string> PerIp(HttpContext context, RateLimitOptions limits) =>
        RateLimitPartition.GetFixedWindowLimiter("ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => Window(limits.PerIpPermitLimit, limits.Window));

    static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(60);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests" },
        });
    }
}
