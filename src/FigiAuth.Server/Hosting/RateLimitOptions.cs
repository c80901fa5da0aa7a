namespace FigiAuth.Server.Hosting;

/// <summary>Rate limits ("FigiAuth:RateLimits"). Generous defaults; lower them in production as needed.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests per client IP and window to <c>/uaf/*</c>. Default: 600.</summary>
    public int PerIpPermitLimit { get; set; } = 600;

    /// <summary>Requests per user and window on endpoints using the "uaf-user" policy. Default: 120.</summary>
    public int PerUserPermitLimit { get; set; } = 120;

    /// <summary>Default: 1 minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
