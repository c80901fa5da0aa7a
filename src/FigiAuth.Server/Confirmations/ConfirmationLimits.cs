namespace FigiAuth.Server.Confirmations;

internal static class ConfirmationLimits
{
    /// <summary>UAF text/plain transaction content is at most 200 characters.</summary>
    public const int DisplayTextLength = 200;

    public const int PayeeNameLength = 64;

    /// <summary>An IBAN is at most 34 characters; an MSISDN far less.</summary>
    public const int PayeeAccountLength = 34;

    public const int CallbackUrlLength = 2048;

    public const int UsernameLength = 256;

    /// <summary>Amounts above 10^15 minor units are refused (fits a long with room).</summary>
    public const long MaxAmountMinor = 1_000_000_000_000_000;
}
