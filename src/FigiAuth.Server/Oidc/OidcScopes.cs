namespace FigiAuth.Server.Oidc;

public static class OidcScopes
{
    /// <summary>The API scope; its resource (audience) is FigiAuth:Tokens:Audience.</summary>
    public const string Api = "figiauth";
}
