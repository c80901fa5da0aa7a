namespace FigiAuth.Samples.Phone;

/// <summary>Process exit codes of figiauth-phone.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Any other client-side failure (untrusted facet, no suitable authenticator, protocol error).</summary>
    public const int Failed = 1;
    public const int Usage = 2;
    public const int ServerRefused = 3;
    public const int UserCancelledOrPin = 4;
    public const int Network = 5;
}
