namespace FigiAuth.Server.Oidc;

/// <summary>One client in FigiAuth:Oidc:Clients.</summary>
public sealed class OidcClientOptions
{
    public string ClientId { get; set; } = "";

    /// <summary>Required for confidential clients, forbidden for public ones. Stored hashed by OpenIddict.</summary>
    public string? ClientSecret { get; set; }

    public string? DisplayName { get; set; }

    public OidcClientType Type { get; set; } = OidcClientType.Public;

    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];

    /// <summary>authorization_code, refresh_token, client_credentials. Default: authorization_code and refresh_token.</summary>
    public List<string> GrantTypes { get; set; } = [];

    /// <summary>Scopes the client may ask for. Default: openid, profile, offline_access, figiauth.</summary>
    public List<string> Scopes { get; set; } = [];
}
