namespace FigiAuth.Server.Hosting;

/// <summary>The server's options, bound from the configuration section "FigiAuth" and validated at start.</summary>
public sealed class FigiAuthOptions
{
    public const string SectionName = "FigiAuth";

    /// <summary>The public origin, e.g. <c>https://id.example.com</c>. Required outside Development;
    /// in Development it defaults to the server's own URL.</summary>
    public string? PublicOrigin { get; set; }

    public UafOptions Uaf { get; set; } = new();

    public DatabaseOptions Database { get; set; } = new();

    public SigningOptions Signing { get; set; } = new();

    public TokenOptions Tokens { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();

    public DataProtectionKeyOptions DataProtection { get; set; } = new();

    public TrustedProxyOptions ForwardedHeaders { get; set; } = new();
}
