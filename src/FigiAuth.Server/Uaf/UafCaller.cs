using System.Security.Claims;
using FigiAuth.Server.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;

namespace FigiAuth.Server.Uaf;

/// <summary>The signed-in user of a UAF request: a bearer token from AccessTokenIssuer (sub = user id) or the Identity cookie.</summary>
internal static class UafCaller
{
    public static async Task<FigiAuthUser?> FindAsync(HttpContext http, UserManager<FigiAuthUser> users)
    {
        var principal = await AuthenticateAsync(http, JwtBearerDefaults.AuthenticationScheme)
            ?? await AuthenticateAsync(http, IdentityConstants.ApplicationScheme);
        var id = principal?.FindFirstValue("sub") ?? principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is null || !Guid.TryParse(id, out _) ? null : await users.FindByIdAsync(id);
    }

    static async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext http, string scheme)
    {
        var result = await http.AuthenticateAsync(scheme);
        return result.Succeeded ? result.Principal : null;
    }
}
