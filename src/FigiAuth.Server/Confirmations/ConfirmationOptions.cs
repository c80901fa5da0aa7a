namespace FigiAuth.Server.Confirmations;

/// <summary>FigiAuth:Confirmations.</summary>
public sealed class ConfirmationOptions
{
    public const string SectionName = "FigiAuth:Confirmations";

    /// <summary>Lifetime when the request names none. Default: 5 minutes.</summary>
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest lifetime a request may ask for. Default: 15 minutes.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Pending confirmations one user may have at once (push-bombing limit, SECURITY.md TC-15). Default: 5.</summary>
    public int MaxPendingPerUser { get; set; } = 5;

    /// <summary>Callback deliveries tried per confirmation. Default: 3.</summary>
    public int CallbackAttempts { get; set; } = 3;

    /// <summary>Wait before retrying a failed callback. Default: 10 seconds.</summary>
    public TimeSpan CallbackRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often due callbacks and expiries are looked for. Default: 2 seconds.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Timeout of one callback POST. Default: 10 seconds.</summary>
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Hosts (names or IP addresses, as in the callback URL) a callback may reach although they are, or resolve to,
    /// loopback, link-local, private or other internal addresses, which are refused otherwise (SSRF). Development
    /// settings list 127.0.0.1, localhost and ::1. Default: none.
    /// </summary>
    public List<string> CallbackAllowedHosts { get; set; } = [];

    /// <summary>
    /// Origins (scheme://host[:port]) the confirm page (/confirm/{id}?returnUrl=…) may send the user back to, e.g. a
    /// wallet's. Any other absolute returnUrl is ignored (no open redirect). Default: none (local URLs only).
    /// </summary>
    public List<string> ReturnOrigins { get; set; } = [];
}
