using Microsoft.AspNetCore.Identity;

namespace FigiAuth.Server.Oidc;

/// <summary>Keeps acr, amr and auth_time when Identity refreshes the cookie principal (security stamp check).</summary>
internal static class SessionClaims
{
    public static Task KeepOnRefresh(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var claim in current.Claims.Where(c => c.Type is AuthenticationLevels.AcrClaim or AuthenticationLevels.AmrClaim
                         or AuthenticationLevels.AuthTimeClaim))
            {
                if (!identity.HasClaim(claim.Type, claim.Value))
                {
                    identity.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value, claim.ValueType));
                }
            }
        }

        return Task.CompletedTask;
    }
}
