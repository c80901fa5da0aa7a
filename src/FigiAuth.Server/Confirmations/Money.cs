using System.Globalization;

namespace FigiAuth.Server.Confirmations;

/// <summary>
/// Exact amounts: minor units and the currency exponent, never floating point (SECURITY.md TC-09). The only
/// accepted text form is ASCII digits with an optional '.' and at most exponent fraction digits: "1500",
/// "1500.5", "1500.00". Grouping, exponents, signs and non-ASCII digits are refused.
/// </summary>
internal static class Money
{
    /// <summary>Parses a positive amount into minor units; null when the text is not an accepted form.</summary>
    public static long? TryParseMinor(string text, int exponent)
    {
        if (text.Length is 0 or > 32)
        {
            return null;
        }

        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit)
            || (dot >= 0 && fraction.Length == 0) || fraction.Length > exponent || (whole.Length > 1 && whole[0] == '0'))
        {
            return null;
        }

        var digits = whole + fraction.PadRight(exponent, '0');
        if (digits.Length > 18 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return null;
        }

        return minor is > 0 and <= ConfirmationLimits.MaxAmountMinor ? minor : null;
    }

    /// <summary>Canonical form: all exponent fraction digits, no grouping ("1500.00"). Used on the wire and in receipts.</summary>
    public static string Format(long minor, int exponent)
    {
        if (exponent == 0)
        {
            return minor.ToString(CultureInfo.InvariantCulture);
        }

        var digits = minor.ToString(CultureInfo.InvariantCulture).PadLeft(exponent + 1, '0');
        return $"{digits[..^exponent]}.{digits[^exponent..]}";
    }

    /// <summary>Display form with ASCII ',' grouping ("1,500.00"); only ever shown, never parsed.</summary>
    public static string FormatForDisplay(long minor, int exponent)
    {
        var canonical = Format(minor, exponent);
        var dot = canonical.IndexOf('.');
        var whole = dot < 0 ? canonical : canonical[..dot];
        var grouped = long.Parse(whole, CultureInfo.InvariantCulture).ToString("#,0", CultureInfo.InvariantCulture);
        return dot < 0 ? grouped : grouped + canonical[dot..];
    }

    /// <summary>The canonical amount of a confirmation, or null when it has none (in-band text only).</summary>
    public static string? FormatOf(Confirmation c) =>
        c.AmountMinor is { } minor && c.CurrencyExponent is { } exponent ? Format(minor, exponent) : null;
}
