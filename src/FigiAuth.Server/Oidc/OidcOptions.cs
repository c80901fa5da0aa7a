namespace FigiAuth.Server.Oidc;

/// <summary>The OpenID Connect provider ("FigiAuth:Oidc"). Issuer and signing key are shared with the rest of the server:
/// issuer = FigiAuth:PublicOrigin, signing key = the <see cref="Tokens.SigningKeyRing"/> ES256 key.</summary>
public sealed class OidcOptions
{
    public const string SectionName = "FigiAuth:Oidc";

    /// <summary>Clients created or updated at start.</summary>
    public List<OidcClientOptions> Clients { get; set; } = [];

    /// <summary>PKCS#12 file whose key encrypts authorization codes and refresh tokens (never access or identity
    /// tokens). Without it an ephemeral key is used: codes and refresh tokens then do not survive a restart and are not
    /// shared between nodes, so set it outside Development.</summary>
    public string? EncryptionCertificatePath { get; set; }

    public string? EncryptionCertificatePassword { get; set; }

    /// <summary>Default: 60 seconds (FAPI 2.0 SP: at most 60 s).</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Default: 14 days, absolute for the token family (each refresh rotates the token).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Default: 5 minutes.</summary>
    public TimeSpan IdentityTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
