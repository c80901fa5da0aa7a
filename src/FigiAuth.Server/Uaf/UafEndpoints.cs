using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FigiAuth.Server.Ceremonies;
using FigiAuth.Server.Limits;
using FigiAuth.Server.Uaf;
using FigiAuth.Uaf;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Verification;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// /uaf/v1: the UAF transport binding (DESIGN.md "The UAF HTTP API", UAF.md §3, §4). Protocol outcomes are HTTP 200
/// with the UAF statusCode in the body; malformed HTTP is a 4xx problem-details answer.
/// </summary>
public static class UafEndpoints
{
    const string TrustedAppsMediaType = "application/fido.trusted-apps+json";
    static readonly JsonDocumentOptions BodyOptions = new() { MaxDepth = 32 };

    public static RouteGroupBuilder MapUafEndpoints(this IEndpointRouteBuilder app)
    {
        var uaf = app.MapGroup("/uaf/v1").WithTags("UAF").RequireRateLimiting(RateLimitPolicies.PerUser);
        uaf.MapGet("/facets", GetTrustedFacets);
        uaf.MapPost("/get", GetUafRequestAsync).AddEndpointFilter<UafTransportFilter>();
        uaf.MapPost("/respond", SendUafResponseAsync).AddEndpointFilter<UafTransportFilter>();
        return uaf;
    }

    /// <summary>GET /uaf/v1/facets: the TrustedFacetList for upv 1.0 and 1.1.</summary>
    static JsonHttpResult<TrustedFacetList> GetTrustedFacets(UafSettings settings) =>
        TypedResults.Json(settings.TrustedFacetList, UafJsonContext.Default.TrustedFacetList, TrustedAppsMediaType);

    /// <summary>POST /uaf/v1/get: GetUAFRequest -> ReturnUAFRequest (1200, or 14xx with a description).</summary>
    internal static async Task<Results<JsonHttpResult<UafGetAnswer>, ProblemHttpResult>> GetUafRequestAsync(
        HttpContext http, [AsParameters] UafGetServices services, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var body = await ReadBodyAsync(http.Request, ct);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        using var document = body.Document!;
        var root = document.RootElement;
        UafOperation? op = root.TryGetProperty("op", out var o) && o.ValueKind == JsonValueKind.String
            ? o.GetString() switch { "Reg" => UafOperation.Reg, "Auth" => UafOperation.Auth, "Dereg" => UafOperation.Dereg, _ => null }
            : null;
        var context = ReadContext(root);
        UafGetAnswer answer;
        if (op is null)
        {
            answer = UafGetAnswer.Refused(new UafFailure(UafStatusCode.BadRequest, UafSteps.Req01, "op must be exactly \"Reg\", \"Auth\" or \"Dereg\""));
        }
        else if (context is null)
        {
            answer = UafGetAnswer.Refused(new UafFailure(UafStatusCode.BadRequest, UafSteps.Req01, "context must be a JSON string holding a JSON object"));
        }
        else if (op == UafOperation.Auth && context.Transaction is null && context.ConfirmationId is null)
        {
            var name = context.Username is { Length: > 0 } n ? n : null;
            answer = await services.Authentication.IssueAsync(name, name is null ? null : services.Normalizer.NormalizeName(name));
        }
        else
        {
            answer = await http.RequestServices.GetRequiredService<UafRequestIssuer>().IssueAsync(op.Value, context, http, ct);
        }

        var operation = $"uaf.{op?.ToString().ToLowerInvariant() ?? "unknown"}.get";
        if (answer.StatusCode != (int)UafStatusCode.Ok)
        {
            UafLog.RequestRefused(services.Logger, operation, UafSteps.Req01, (UafStatusCode)answer.StatusCode);
        }

        services.Metrics.Record(operation, answer.StatusCode.ToString(CultureInfo.InvariantCulture), Stopwatch.GetElapsedTime(started));
        return TypedResults.Json(answer, UafServerJsonContext.Default.UafGetAnswer, AnswerType(http.Request));
    }

    /// <summary>POST /uaf/v1/respond: SendUAFResponse -> ServerResponse.</summary>
    internal static async Task<Results<JsonHttpResult<ServerResponse>, ProblemHttpResult>> SendUafResponseAsync(
        HttpContext http, [AsParameters] UafRespondServices services, CancellationToken ct)
    {
        var body = await ReadBodyAsync(http.Request, ct);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        using var document = body.Document!;
        ServerResponse answer;
        if (document.RootElement.TryGetProperty("uafResponse", out var r) && r.ValueKind == JsonValueKind.String && r.GetString() is { Length: > 0 } uafResponse)
        {
            answer = await RespondAsync(http, services, uafResponse, ct);
        }
        else
        {
            UafLog.ResponseRejected(services.Logger, "uaf.respond", UafSteps.Resp01, UafStatusCode.BadRequest);
            services.Metrics.Record("uaf.respond", "1400", TimeSpan.Zero);
            answer = new ServerResponse((int)UafStatusCode.BadRequest, "uafResponse must be a non-empty JSON string");
        }

        return TypedResults.Json(answer, UafJsonContext.Default.ServerResponse, AnswerType(http.Request));
    }

    /// <summary>An authentication on the hot path when it is one (and not a confirmation's transaction), else the processor.</summary>
    static async Task<ServerResponse> RespondAsync(HttpContext http, UafRespondServices services, string uafResponse, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        if (UafMessageReader.PeekResponseOperation(uafResponse) is { Succeeded: true, Value: UafOperation.Auth }
            && await services.Authentication.TryRespondAsync(uafResponse, ct) is { } answer)
        {
            services.Metrics.Record("uaf.auth.respond", answer.StatusCode.ToString(CultureInfo.InvariantCulture), Stopwatch.GetElapsedTime(started));
            return answer;
        }

        return await http.RequestServices.GetRequiredService<UafResponseProcessor>().RespondAsync(uafResponse, ct);
    }

    /// <summary>The body as a JSON object (at most 32 levels deep), or a 400/413 problem.</summary>
    static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, BodyOptions, ct);
        }
        catch (JsonException)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not JSON",
                detail: "Send a JSON object (at most 32 levels deep)."));
        }
        catch (BadHttpRequestException e)
        {
            return (null, TypedResults.Problem(statusCode: e.StatusCode, title: "The request body was refused", detail: e.Message));
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a JSON object"));
        }

        return (document, null);
    }

    /// <summary>The context JSON string as an object; an absent or null context is an empty one; null when malformed.</summary>
    static UafContext? ReadContext(JsonElement root)
    {
        if (!root.TryGetProperty("context", out var c) || c.ValueKind == JsonValueKind.Null)
        {
            return new UafContext();
        }

        if (c.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(c.GetString()!, UafServerJsonContext.Default.UafContext);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string AnswerType(HttpRequest request) =>
        UafTransportFilter.IsJson(request.ContentType) ? "application/json" : UafTransportFilter.FidoUafMediaType;
}
