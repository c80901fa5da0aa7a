using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// The transport binding's HTTP rules (UAF.md §3): POST bodies are <c>application/fido+uaf</c> or
/// <c>application/json</c> (UTF-8 when a charset is given), else 415; a request carrying
/// <c>Access-Control-Request-Method</c> is refused (no CORS on these endpoints).
/// </summary>
internal sealed class UafTransportFilter : IEndpointFilter
{
    public const string FidoUafMediaType = "application/fido+uaf";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Refusal(context.HttpContext.Request) is { } refusal ? ValueTask.FromResult<object?>(refusal) : next(context);

    /// <summary>The 403/415 answer this request gets, or null when the transport binding accepts it.</summary>
    public static ProblemHttpResult? Refusal(HttpRequest request)
    {
        if (request.Headers.ContainsKey("Access-Control-Request-Method"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "Cross-origin requests are not served", detail: "The UAF endpoints do not answer CORS preflight requests.");
        }

        return IsAccepted(request.ContentType) ? null : TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported content type", detail: $"Send {FidoUafMediaType} or application/json (UTF-8).");
    }

    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType is "application/json";

    static bool IsAccepted(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType is not null
        && (parsed.MediaType.Equals(FidoUafMediaType, StringComparison.OrdinalIgnoreCase)
            || parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        && (parsed.CharSet is null || parsed.CharSet.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase));
}
