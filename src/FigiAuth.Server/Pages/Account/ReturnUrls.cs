using Microsoft.AspNetCore.Mvc;

namespace FigiAuth.Server.Pages.Account;

/// <summary>Only local return URLs are followed (no open redirect).</summary>
internal static class ReturnUrls
{
    public static string Local(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
