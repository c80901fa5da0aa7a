using System.Security.Claims;
using FigiAuth.Server.Data;
using FigiAuth.Server.Hosting;
using FigiAuth.Server.Oidc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The OpenIddict passthrough endpoints (as openiddict-samples Zirku.Server): OpenIddict validates each request, these
/// handlers decide who is signed in and what goes into the tokens (and, at userinfo, which claims a token may read).
/// Discovery, JWKS, introspection and revocation are answered by OpenIddict itself.
/// </summary>
public static partial class OidcEndpoints
{
    /// <summary>Added to the return URL of a re-authentication; with a fresh session it means "the user just signed in".</summary>
    internal const string ReauthenticatedParameter = "figiauth_reauth";

    /// <summary>How recent a sign-in must be to count as the re-authentication a request asked for.</summary>
    internal static readonly TimeSpan ReauthenticationWindow = TimeSpan.FromMinutes(5);

    public static RouteGroupBuilder MapOidcEndpoints(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").WithTags("OIDC").ExcludeFromDescription();
        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).DisableAntiforgery();
        connect.MapPost("/token", TokenAsync).DisableAntiforgery();
        connect.MapMethods("/endsession", [HttpMethods.Get, HttpMethods.Post], EndSessionAsync).DisableAntiforgery();
        connect.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoAsync).DisableAntiforgery();
        return connect;
    }

    static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<FigiAuthUser> users, TimeProvider time,
        IOptions<FigiAuthOptions> options)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!session.Succeeded || await users.GetUserAsync(session.Principal) is not { } user)
        {
            return request.HasPromptValue(PromptValues.None)
                ? Forbid(Errors.LoginRequired, "The user is not signed in.")
                : SignInAgain(context, request);
        }

        var principal = session.Principal;
        var acr = principal.FindFirst(AuthenticationLevels.AcrClaim)?.Value;
        var authTime = AuthenticationLevels.AuthTime(principal);
        var now = time.GetUtcNow();
        var tooOld = request.MaxAge is { } maxAge && (authTime is null || now - authTime.Value > TimeSpan.FromSeconds(maxAge));
        var tooWeak = !AuthenticationLevels.Satisfies(acr, request.AcrValues);
        if (request.HasPromptValue(PromptValues.Login) || tooOld || tooWeak)
        {
            var justSignedIn = request.GetParameter(ReauthenticatedParameter) is not null
                && authTime is { } t && now - t <= ReauthenticationWindow;
            if (!justSignedIn)
            {
                return request.HasPromptValue(PromptValues.None)
                    ? Forbid(Errors.LoginRequired, "The user must sign in again.")
                    : SignInAgain(context, request);
            }

            if (tooWeak)
            {
                // The user signed in again but with an authenticator below the requested acr: never downgrade.
                return Forbid("unmet_authentication_requirements", "The authenticator used does not meet the requested acr_values.");
            }
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim(AuthenticationLevels.AcrClaim, acr)
            .SetClaims(AuthenticationLevels.AmrClaim, [.. principal.FindAll(AuthenticationLevels.AmrClaim).Select(c => c.Value)]);
        if (authTime is { } at)
        {
            identity.AddClaim(new Claim(Claims.AuthenticationTime, at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ClaimValueTypes.Integer64));
        }

        identity.SetScopes(request.GetScopes());
        identity.SetResources(options.Value.Tokens.Audience);
        identity.SetDestinations(ClaimDestinations);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    static async Task<IResult> TokenAsync(HttpContext context, UserManager<FigiAuthUser> users, IOptions<FigiAuthOptions> options)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (request.IsClientCredentialsGrantType())
        {
            // The client acts for itself: sub = client_id.
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId).SetClaim(Claims.Name, request.ClientId);
            identity.SetScopes(request.GetScopes());
            identity.SetResources(options.Value.Tokens.Audience);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // OpenIddict already checked the code or refresh token (single use, PKCE, client binding).
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = result.Principal?.GetClaim(Claims.Subject) is { } sub ? await users.FindByIdAsync(sub) : null;
            if (result.Principal is null || user is null || await users.IsLockedOutAsync(user))
            {
                return Forbid(Errors.InvalidGrant, "The token is no longer valid.");
            }

            var identity = new ClaimsIdentity(result.Principal.Claims, TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Name, user.UserName);
            identity.SetDestinations(ClaimDestinations);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    static async Task<IResult> EndSessionAsync(HttpContext context, SignInManager<FigiAuthUser> signIn)
    {
        // OpenIddict validated post_logout_redirect_uri (exact match) and id_token_hint before this runs.
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    static IResult SignInAgain(HttpContext context, OpenIddictRequest request)
    {
        var parameters = request.GetParameters()
            .Where(p => p.Key != ReauthenticatedParameter)
            .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))
            .Append(KeyValuePair.Create(ReauthenticatedParameter, (string?)"1"));
        var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
        return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
    }

    static IResult Forbid(string error, string description) =>
        Results.Forbid(ErrorProperties(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    static IEnumerable<string> ClaimDestinations(Claim claim) => claim.Type switch
    {
        Claims.Subject or AuthenticationLevels.AcrClaim or AuthenticationLevels.AmrClaim or Claims.AuthenticationTime =>
            [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Name when claim.Subject?.HasScope(Scopes.Profile) == true => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Name => [Destinations.AccessToken],
        // Security stamps and other internal claims never leave the server.
        _ => [],
    };
}
