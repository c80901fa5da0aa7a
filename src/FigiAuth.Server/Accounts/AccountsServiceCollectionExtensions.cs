using Microsoft.AspNetCore.Identity;

namespace Microsoft.Extensions.DependencyInjection;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>The account pages (Razor Pages under Pages/Account) and the cookie paths that lead to them.</summary>
    public static IServiceCollection AddFigiAuthAccounts(this IServiceCollection services)
    {
        services.AddRazorPages();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/signin";
            o.LogoutPath = "/account/signout";
            o.AccessDeniedPath = "/account/signin";
            o.ReturnUrlParameter = "returnUrl";
        });
        return services;
    }
}
