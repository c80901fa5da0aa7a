using FigiAuth.Server.Confirmations;
using FigiAuth.Server.Data;
using FigiAuth.Server.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Pages;

/// <summary>
/// /confirm/{id}: the signed-in user's pending confirmation shown in full (text, amount, payee) with "Confirm with
/// passkey" (passkeys.js, /passkeys/v1/confirmations/{id}) and "Reject". An optional returnUrl leads back to the app that
/// sent the user here, only when local or on a FigiAuth:Confirmations:ReturnOrigins origin (no open redirect).
/// </summary>
[Authorize]
public sealed class ConfirmModel(ConfirmationService confirmations, UserManager<FigiAuthUser> users, TimeProvider time,
    IOptions<ConfirmationOptions> options) : PageModel
{
    public ConfirmationView? Confirmation { get; private set; }

    /// <summary>The validated return URL, or null.</summary>
    public string? ReturnUrl { get; private set; }

    public bool Pending => Confirmation?.Status == ConfirmationStatus.Pending;

    public async Task<IActionResult> OnGetAsync(string id, string? returnUrl, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        ReturnUrl = ReturnUrls.Allowed(Url, returnUrl, options.Value.ReturnOrigins);
        if (await confirmations.FindForUserAsync(id, user.Id, ct) is not { } row)
        {
            return NotFound();
        }

        Confirmation = ConfirmationView.From(row, time.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostRejectAsync(string id, string? returnUrl, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var result = await confirmations.RejectAsync(id, user.Id, ct);
        if (result.Failure?.Reason == ConfirmationFailureReason.NotFound)
        {
            return NotFound();
        }

        return ReturnUrls.Allowed(Url, returnUrl, options.Value.ReturnOrigins) is { } back
            ? Redirect(back)
            : RedirectToPage(new { id });
    }
}
