using FigiAuth.Samples.FigiAuthApi;
using FigiAuth.Samples.Wallet.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Microsoft.Extensions.DependencyInjection;

public static class WalletAuthentication
{
    /// <summary>A local cookie; sign-in is FigiAuth's (OIDC authorization code + PKCE S256).</summary>
    public static IServiceCollection AddWalletAuthentication(this IServiceCollection services)
    {
        services.AddOptions<WalletOidcOptions>().BindConfiguration("FigiAuth:Oidc");
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "figiauth-wallet";
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
                o.LogoutPath = "/signout";
            })
            .AddOpenIdConnect();
        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<IOptions<FigiAuthApiOptions>, IOptions<WalletOidcOptions>, IHostEnvironment>(Configure);
        return services;
    }

    static void Configure(OpenIdConnectOptions o, IOptions<FigiAuthApiOptions> figiAuth, IOptions<WalletOidcOptions> wallet, IHostEnvironment environment)
    {
        var server = figiAuth.Value.Server;
        o.Authority = server.ToString();
        // Plain http metadata only for a loopback FigiAuth in Development.
        o.RequireHttpsMetadata = !(environment.IsDevelopment() && server.IsLoopback && server.Scheme == Uri.UriSchemeHttp);
        o.ClientId = wallet.Value.ClientId;
        o.ClientSecret = wallet.Value.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        o.Scope.Clear();
        foreach (var scope in wallet.Value.Scopes)
            o.Scope.Add(scope);
        o.CallbackPath = "/signin-oidc";
        o.SignedOutCallbackPath = "/signout-callback-oidc";
        o.SaveTokens = true;
        o.MapInboundClaims = false;
        o.TokenValidationParameters.NameClaimType = wallet.Value.UsernameClaim;
    }
}
