namespace FigiAuth.Samples.FigiAuthApi;

/// <summary>OAuth 2 client credentials (configuration section <c>FigiAuth:ClientCredentials</c>).</summary>
public sealed class ClientCredentialsOptions
{
    /// <summary>Default: figiauth-merchant, the confidential client the server seeds in Development.</summary>
    public string ClientId { get; set; } = "figiauth-merchant";

    /// <summary>No default: set it in configuration (appsettings.Development.json holds the development one).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Space-separated scopes. Default: confirmations (the scope the confirmations API requires).</summary>
    public string Scope { get; set; } = "confirmations";
}
