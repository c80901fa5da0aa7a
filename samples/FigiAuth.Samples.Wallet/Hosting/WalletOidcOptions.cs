namespace FigiAuth.Samples.Wallet.Hosting;

/// <summary>How the wallet signs users in at FigiAuth (configuration section <c>FigiAuth:Oidc</c>).</summary>
public sealed class WalletOidcOptions
{
    /// <summary>Default: figiauth-wallet, the public client the server seeds in Development.</summary>
    public string ClientId { get; set; } = "figiauth-wallet";

    /// <summary>Only for a confidential client; the Development client is public (PKCE, no secret).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Default: openid profile offline_access.</summary>
    public string[] Scopes { get; set; } = ["openid", "profile", "offline_access"];

    /// <summary>The id_token claim holding the FigiAuth username (sent when creating confirmations). Default: name.</summary>
    public string UsernameClaim { get; set; } = "name";
}
