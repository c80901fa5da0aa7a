using System.Globalization;

namespace FigiAuth.Samples.Wallet.Transfers;

/// <summary>Amounts as minor units (long), never floating point.</summary>
public static class Money
{
    /// <summary>"1500", "1500.5", "1500.50": digits and an optional '.', at most <paramref name="exponent"/> decimals, positive.</summary>
    public static bool TryParseMinor(string? text, int exponent, out long minor)
    {
        minor = 0;
        if (!decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value <= 0 || decimal.Round(value, exponent) != value || value * Scale(exponent) > long.MaxValue)
            return false;
        minor = ToMinor(value, exponent);
        return true;
    }

    public static long ToMinor(decimal value, int exponent) => (long)(value * Scale(exponent));

    public static decimal ToDecimal(long minor, int exponent) => minor / Scale(exponent);

    /// <summary>Canonical form with all fraction digits, as FigiAuth writes it ("1500.00").</summary>
    public static string Format(long minor, int exponent) =>
        ToDecimal(minor, exponent).ToString("F" + exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    static decimal Scale(int exponent) => (decimal)Math.Pow(10, exponent);
}
