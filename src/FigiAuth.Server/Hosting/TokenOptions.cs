namespace FigiAuth.Server.Hosting;

/// <summary>Access tokens issued by the server ("FigiAuth:Tokens").</summary>
public sealed class TokenOptions
{
    /// <summary>Default audience of access tokens. Default: "figiauth".</summary>
    public string Audience { get; set; } = "figiauth";

    /// <summary>Default: 5 minutes.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
