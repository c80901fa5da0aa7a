using FigiAuth.Samples.Wallet.Transfers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;

namespace Microsoft.AspNetCore.Builder;

public static class TransferEndpoints
{
    /// <summary>Sign-in and sign-out, and the status the transfer page polls.</summary>
    public static void MapWalletEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", () => TypedResults.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme]));
        app.MapPost("/signout", SignOut).RequireAuthorization();
        app.MapGet("/transfers/{id}/status", GetStatusAsync).RequireAuthorization();
    }

    /// <summary>Signs out of the wallet only; the FigiAuth session stays (sign out there on its account pages).</summary>
    static SignOutHttpResult SignOut() =>
        TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [CookieAuthenticationDefaults.AuthenticationScheme]);

    static async Task<Results<Ok<TransferStatusView>, NotFound>> GetStatusAsync(
        string id, ClaimsPrincipal user, TransferService transfers, CancellationToken ct) =>
        await transfers.RefreshAsync(id, TransferService.SubjectOf(user), ct) is { } t
            ? TypedResults.Ok(new TransferStatusView(t.Status, t.Reason))
            : TypedResults.NotFound();
}
