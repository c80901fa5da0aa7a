using FigiAuth.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FigiAuth.Server.Pages.Account;

/// <summary>Signing out is a POST with an antiforgery token, so another site cannot sign the user out.</summary>
public sealed class SignOutModel(SignInManager<FigiAuthUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/account/signin");
    }
}
