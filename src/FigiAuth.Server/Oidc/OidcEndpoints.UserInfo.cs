using FigiAuth.Server.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Microsoft.AspNetCore.Builder;

public static partial class OidcEndpoints
{
    /// <summary>
    /// UserInfo (<see href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OpenID Connect Core §5.3</see>),
    /// GET and POST. Before this runs OpenIddict validated the bearer access token as one it issued (signature, issuer,
    /// lifetime, type, and its token and authorization entries not revoked); a missing or invalid token never gets here and
    /// is answered 401 with <c>WWW-Authenticate: Bearer</c> (RFC 6750 §3.1, no error code when no token was sent).
    /// </summary>
    static async Task<IResult> UserInfoAsync(HttpContext context, UserManager<FigiAuthUser> users)
    {
        var principal = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
            ?? throw new InvalidOperationException("The access token principal cannot be retrieved.");

        // OIDC Core §5.3.1: the access token must come from an OpenID Connect authentication request. A client-credentials
        // token (no openid scope, no end-user: its sub is the client) cannot read anyone's claims.
        if (!principal.HasScope(Scopes.OpenId))
        {
            return UserInfoForbid(Errors.InsufficientScope, "The access token was not granted the openid scope.");
        }

        var user = Guid.TryParse(principal.GetClaim(Claims.Subject), out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // The token itself is still valid, but its account is gone (or locked out as at the token endpoint).
            return Results.Challenge(ErrorProperties(Errors.InvalidToken, "The access token's account no longer exists."),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        // Only what the granted scopes name (OIDC Core §5.4), and only what the account has.
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.Id.ToString() };
        if (principal.HasScope(Scopes.Profile) && user.UserName is { } userName)
        {
            claims[Claims.PreferredUsername] = userName;
            claims[Claims.Name] = userName;
        }

        if (principal.HasScope(Scopes.Email) && !string.IsNullOrEmpty(user.Email))
        {
            claims[Claims.Email] = user.Email;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }

        if (principal.HasScope(Scopes.Phone) && !string.IsNullOrEmpty(user.PhoneNumber))
        {
            claims[Claims.PhoneNumber] = user.PhoneNumber;
            claims[Claims.PhoneNumberVerified] = user.PhoneNumberConfirmed;
        }

        // Personal data: never cached by the client's HTTP stack or a proxy.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        return Results.Ok(claims);
    }

    /// <summary>403 with <c>WWW-Authenticate: Bearer error="insufficient_scope", scope="openid"</c> (RFC 6750 §3.1).</summary>
    static IResult UserInfoForbid(string error, string description)
    {
        var properties = ErrorProperties(error, description);
        properties.SetParameter(Parameters.Scope, Scopes.OpenId);
        return Results.Forbid(properties, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    static AuthenticationProperties ErrorProperties(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
