using System.Diagnostics;
using System.Text.Json.Serialization.Metadata;
using FigiAuth.Server.Ceremonies;
using FigiAuth.Server.Limits;
using FigiAuth.Uaf.Messages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// POST /uaf/v1/get and POST /uaf/v1/respond straight from the front of the pipeline: every authentication is two of
/// these, and the general pipeline (status-code pages, request logging middleware, static files, routing, the rate
/// limiting and authorization middleware, the endpoint filter and parameter binding) cost more than the protocol work
/// around a cached key (docs/PERFORMANCE.md "Server load test"). This lane makes exactly the checks that pipeline makes
/// for these two requests, in the same order and with the same answers — the 64 KiB body limit (413), the per-client rate
/// limit (429 with Retry-After), the transport binding (403/415), then the endpoint's own handler (<see cref="UafEndpoints"/>,
/// the one implementation) — and writes the JSON answer with a Content-Length. Any other request, including these paths
/// with another method or spelling, goes down the general pipeline to the same endpoints.
/// </summary>
internal sealed class UafFastLane
{
    public const string GetPath = "/uaf/v1/get";
    public const string RespondPath = "/uaf/v1/respond";

    readonly RequestDelegate next;
    readonly RateLimiterOptions rateLimits;
    readonly UafGetServices getServices;
    readonly UafRespondServices respondServices;
    readonly ILogger<UafFastLane> logger;

    public UafFastLane(RequestDelegate next, IOptions<RateLimiterOptions> rateLimits, UafAuthenticationRequests requests,
        UafAuthenticationResponder responder, CeremonyMetrics metrics, ILogger<UafRequestIssuer> getLogger,
        ILogger<UafResponseProcessor> respondLogger, ILogger<UafFastLane> logger, IServiceScopeFactory scopes)
    {
        this.next = next;
        this.rateLimits = rateLimits.Value;
        this.logger = logger;
        // Identity registers the normalizer scoped, but it holds no state: one instance serves every request here.
        using var scope = scopes.CreateScope();
        getServices = new UafGetServices(requests, metrics, getLogger, scope.ServiceProvider.GetRequiredService<ILookupNormalizer>());
        respondServices = new UafRespondServices(responder, metrics, respondLogger);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = request.Path.Equals(GetPath, StringComparison.OrdinalIgnoreCase);
        if (!HttpMethods.IsPost(request.Method) || !(isGet || request.Path.Equals(RespondPath, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        await ServeAsync(context, isGet);
        UafLog.Served(logger, request.Method, request.Path.Value!, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    async Task ServeAsync(HttpContext context, bool isGet)
    {
        if (await UafRequestLimits.RefusedAsync(context))
        {
            return;
        }

        // The global limiter is the one the rate limiting middleware applies to every /uaf request (RateLimitingSetup). The
        // group's per-user policy keys on the authenticated user, which UAF requests never carry, and so falls back to the
        // same per-IP window: one permit of the global limiter refuses exactly when the two would.
        using var lease = rateLimits.GlobalLimiter is { } limiter ? limiter.AttemptAcquire(context) : null;
        if (lease is { IsAcquired: false })
        {
            context.Response.StatusCode = rateLimits.RejectionStatusCode;
            if (rateLimits.OnRejected is { } onRejected)
            {
                await onRejected(new OnRejectedContext { HttpContext = context, Lease = lease }, context.RequestAborted);
            }

            return;
        }

        if (UafTransportFilter.Refusal(context.Request) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        var ct = context.RequestAborted;
        var result = isGet
            ? (await UafEndpoints.GetUafRequestAsync(context, getServices, ct)).Result
            : (await UafEndpoints.SendUafResponseAsync(context, respondServices, ct)).Result;
        await (result switch
        {
            JsonHttpResult<UafGetAnswer> answer => WriteJsonAsync(context, answer.Value!, UafServerJsonContext.Default.UafGetAnswer, answer.ContentType!),
            JsonHttpResult<ServerResponse> answer => WriteJsonAsync(context, answer.Value!, UafJsonContext.Default.ServerResponse, answer.ContentType!),
            _ => result.ExecuteAsync(context),
        });
    }

    /// <summary>The answer in one write with its length known, so HTTP/1.1 needs no chunked encoding.</summary>
    static Task WriteJsonAsync<T>(HttpContext context, T value, JsonTypeInfo<T> type, string contentType)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, type);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
    }
}
