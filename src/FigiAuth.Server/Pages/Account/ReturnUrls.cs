using Microsoft.AspNetCore.Mvc;

namespace FigiAuth.Server.Pages.Account;

/// <summary>Only local return URLs, or absolute ones on a configured origin, are followed (no open redirect).</summary>
internal static class ReturnUrls
{
    public static string Local(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    /// <summary>
    /// <paramref name="returnUrl"/> when it is local, or an absolute http(s) URL whose origin (scheme, host, port) is
    /// exactly one of <paramref name="allowedOrigins"/> (FigiAuth:Confirmations:ReturnOrigins); otherwise null.
    /// </summary>
    public static string? Allowed(IUrlHelper url, string? returnUrl, IEnumerable<string> allowedOrigins)
    {
        if (string.IsNullOrEmpty(returnUrl))
        {
            return null;
        }

        if (url.IsLocalUrl(returnUrl))
        {
            return returnUrl;
        }

        if (!Uri.TryCreate(returnUrl, UriKind.Absolute, out var target) || target.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(target.UserInfo))
        {
            return null;
        }

        var origin = target.GetLeftPart(UriPartial.Authority);
        return allowedOrigins.Any(o => Uri.TryCreate(o, UriKind.Absolute, out var allowed)
            && string.Equals(allowed.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase))
            ? target.AbsoluteUri
            : null;
    }
}
