using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FigiAuth.Server.Pages.Account;

public sealed class SignInModel : PageModel
{
    public string ReturnUrl { get; private set; } = "/";

    /// <summary>True when an authorization request sent the user back to sign in again (max_age, acr_values, prompt).</summary>
    public bool StepUp { get; private set; }

    public void OnGet(string? returnUrl)
    {
        ReturnUrl = ReturnUrls.Local(Url, returnUrl);
        StepUp = User.Identity?.IsAuthenticated == true;
    }
}
