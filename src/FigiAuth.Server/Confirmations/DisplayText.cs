using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FigiAuth.Server.Confirmations;

/// <summary>
/// Builds what the authenticator shows from the confirmation's fields, so the shown text and the amount and
/// payee the back end acts on cannot disagree (SECURITY.md TC-09; PSD2 RTS Art. 5(1)(a) "made aware of the amount
/// and payee"). Callers never supply display text.
/// </summary>
internal static class DisplayText
{
    public static string Build(long amountMinor, int exponent, string currency, string payeeName, string? payeeAccount)
    {
        var amount = Money.FormatForDisplay(amountMinor, exponent);
        var payee = payeeAccount is null ? payeeName : $"{payeeName} ({payeeAccount})";
        return string.Create(CultureInfo.InvariantCulture, $"Confirm payment of {amount} {currency} to {payee}");
    }

    /// <summary>SHA-256 of the exact UTF-8 bytes shown (what UAF's TAG_TRANSACTION_CONTENT_HASH covers for text/plain).</summary>
    public static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Text a user's app may ask to confirm in-band: 1..200 characters (the UAF text/plain limit), valid UTF-16, and no
    /// control, format (bidi overrides, zero-width), private-use, unassigned or line/paragraph separator characters
    /// (SECURITY.md TC-10: the screen must not be made to lie).
    /// </summary>
    public static bool IsAcceptable(string text)
    {
        try
        {
            if (text.Length is 0 or > ConfirmationLimits.DisplayTextLength || !text.IsNormalized(NormalizationForm.FormC))
            {
                return false;
            }
        }
        catch (ArgumentException)
        {
            return false; // a lone surrogate
        }

        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(text, i) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return false;
            }
        }

        return true;
    }
}
