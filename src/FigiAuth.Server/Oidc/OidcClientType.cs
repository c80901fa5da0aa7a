namespace FigiAuth.Server.Oidc;

public enum OidcClientType
{
    /// <summary>Cannot keep a secret (mobile app, SPA): PKCE S256 required, no client credentials.</summary>
    Public = 1,

    /// <summary>Authenticates with its secret at the token, introspection and revocation endpoints.</summary>
    Confidential = 2,
}
