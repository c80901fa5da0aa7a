using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FigiAuth.Server.Pages.Account;

public sealed class SignUpModel : PageModel
{
    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = ReturnUrls.Local(Url, returnUrl);
}
