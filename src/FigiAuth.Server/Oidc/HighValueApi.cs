using System.Security.Claims;
using FigiAuth.Server.Oidc;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// A demo DFS API that needs a device-bound authenticator: GET /api/v1/me/high-value. A bearer token whose acr is
/// below figiauth:hwk gets 401 with the RFC 9470 challenge
/// <c>WWW-Authenticate: Bearer error="insufficient_user_authentication", acr_values="figiauth:hwk"</c>; the client then
/// asks the authorization endpoint again with those acr_values.
/// </summary>
public static class HighValueApi
{
    public const string PolicyName = "FigiAuthBearer";

    public static RouteHandlerBuilder MapHighValueApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/me/high-value", GetHighValue).WithTags("Demo API").RequireAuthorization(PolicyName);

    static IResult GetHighValue(ClaimsPrincipal user, HttpContext context)
    {
        var acr = user.FindFirst(AuthenticationLevels.AcrClaim)?.Value;
        if (!AuthenticationLevels.Satisfies(acr, AuthenticationLevels.HardwareKey))
        {
            context.Response.Headers.WWWAuthenticate =
                $"{JwtBearerDefaults.AuthenticationScheme} error=\"insufficient_user_authentication\", " +
                "error_description=\"A device-bound authenticator is required\", " +
                $"acr_values=\"{AuthenticationLevels.HardwareKey}\"";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "insufficient_user_authentication");
        }

        return Results.Ok(new HighValueResponse(user.FindFirst("sub")?.Value ?? "", acr!));
    }
}
