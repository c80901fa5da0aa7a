using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace FigiAuth.Server.Confirmations;

/// <summary>
/// Who may call the confirmation API. The one place to change when client credentials move to OpenIddict
/// validation: swap the scheme in <see cref="AddConfirmationPolicies"/>; the handlers read only
/// <see cref="ClientId"/> and <see cref="UserId"/>.
/// </summary>
public static class ConfirmationPolicies
{
    /// <summary>DFS back ends: a bearer token with scope "confirmations".</summary>
    public const string Write = "confirmations:write";

    /// <summary>The user's phone: the user's own bearer token (sub = user id).</summary>
    public const string User = "confirmations:user";

    public const string Scope = "confirmations";

    public static void AddConfirmationPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Write, p => p
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => HasScope(c.User, Scope) && ClientId(c.User) is not null))
        .AddPolicy(User, p => p
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => UserId(c.User) is not null));

    /// <summary>The calling client: "client_id" (RFC 9068), else "sub" (a client-credentials token's subject).</summary>
    public static string? ClientId(ClaimsPrincipal principal) =>
        principal.FindFirstValue("client_id") ?? principal.FindFirstValue("sub");

    /// <summary>The calling user's id from "sub", when it is one.</summary>
    public static Guid? UserId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue("sub"), out var id) ? id : null;

    // "scope" is one space-separated string (RFC 9068) or, from some issuers, one claim per scope.
    static bool HasScope(ClaimsPrincipal principal, string scope) =>
        principal.FindAll("scope").Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope));
}
