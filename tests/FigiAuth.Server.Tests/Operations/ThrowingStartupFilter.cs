using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace FigiAuth.Server.Tests.Operations;

/// <summary>Appends, after the server's pipeline, a middleware that throws for one path (test only).</summary>
public sealed class ThrowingStartupFilter : IStartupFilter
{
    public const string Path = "/test/throw";
    public const string Secret = "secret-exception-text";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((HttpContext context, RequestDelegate _) =>
            context.Request.Path == Path ? throw new InvalidOperationException(Secret) : Task.CompletedTask);
    };
}
