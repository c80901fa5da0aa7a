using Microsoft.AspNetCore.Http.Features;

namespace FigiAuth.Server.Limits;

/// <summary>
/// Requests under /uaf may carry at most 64 KiB (SECURITY.md IN-01): a larger declared Content-Length answers 413
/// with problem details before anything is parsed, and Kestrel enforces the same limit on chunked bodies.
/// </summary>
internal sealed class UafRequestLimits(RequestDelegate next)
{
    public const long MaxBodyBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/uaf") && await RefusedAsync(context))
        {
            return;
        }

        await next(context);
    }

    /// <summary>Answers 413 and returns true when the declared body is too large; else caps what may be read.</summary>
    public static async ValueTask<bool> RefusedAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = "Request body too large", Detail = $"At most {MaxBodyBytes} bytes." },
            });
            return true;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        return false;
    }
}
