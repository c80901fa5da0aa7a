using System.Globalization;
using System.Text;

namespace FigiAuth.Server.Confirmations;

/// <summary>
/// Checks payee fields before they reach the display (SECURITY.md TC-10): no control, format (bidi overrides,
/// zero-width), private-use or unassigned characters, no line breaks; text is NFC-normalized.
/// </summary>
internal static class PayeeText
{
    /// <summary>The normalized name, or null when it holds a refused character or is empty.</summary>
    public static string? NormalizeName(string name)
    {
        string trimmed;
        try
        {
            trimmed = name.Trim().Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return null; // a lone surrogate
        }

        if (trimmed.Length is 0 or > ConfirmationLimits.PayeeNameLength)
        {
            return null;
        }

        for (var i = 0; i < trimmed.Length; i += char.IsSurrogatePair(trimmed, i) ? 2 : 1)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(trimmed, i);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
                or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator)
            {
                return null;
            }

            if (category == UnicodeCategory.SpaceSeparator && trimmed[i] != ' ')
            {
                return null;
            }
        }

        return trimmed;
    }

    /// <summary>An account number or phone: ASCII letters, digits, '+', '-', '.', ' ' only.</summary>
    public static bool IsValidAccount(string account) =>
        account.Length is > 0 and <= ConfirmationLimits.PayeeAccountLength
        && account.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.' or ' ')
        && account.Trim() == account;
}
