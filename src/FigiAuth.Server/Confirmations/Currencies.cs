using System.Collections.Frozen;

namespace FigiAuth.Server.Confirmations;

/// <summary>
/// ISO 4217 alphabetic codes accepted for confirmations and their minor-unit exponents (ISO 4217 list one,
/// column "Minor unit"). A code not listed is refused rather than guessed.
/// </summary>
internal static class Currencies
{
    static readonly FrozenDictionary<string, int> Exponents = new Dictionary<string, int>
    {
        // Africa
        ["AOA"] = 2, ["BIF"] = 0, ["BWP"] = 2, ["CDF"] = 2, ["DJF"] = 0, ["DZD"] = 2, ["EGP"] = 2, ["ERN"] = 2,
        ["ETB"] = 2, ["GHS"] = 2, ["GMD"] = 2, ["GNF"] = 0, ["KES"] = 2, ["KMF"] = 0, ["LRD"] = 2, ["LSL"] = 2,
        ["LYD"] = 3, ["MAD"] = 2, ["MGA"] = 2, ["MRU"] = 2, ["MUR"] = 2, ["MWK"] = 2, ["MZN"] = 2, ["NAD"] = 2,
        ["NGN"] = 2, ["RWF"] = 0, ["SCR"] = 2, ["SDG"] = 2, ["SLE"] = 2, ["SOS"] = 2, ["SSP"] = 2, ["STN"] = 2,
        ["SZL"] = 2, ["TND"] = 3, ["TZS"] = 2, ["UGX"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["ZAR"] = 2, ["ZMW"] = 2,
        ["ZWG"] = 2, ["CVE"] = 2,
        // Elsewhere
        ["AED"] = 2, ["AUD"] = 2, ["BDT"] = 2, ["BHD"] = 3, ["BRL"] = 2, ["CAD"] = 2, ["CHF"] = 2, ["CLP"] = 0,
        ["CNY"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["IDR"] = 2, ["INR"] = 2, ["IQD"] = 3, ["ISK"] = 0, ["JOD"] = 3,
        ["JPY"] = 0, ["KRW"] = 0, ["KWD"] = 3, ["MXN"] = 2, ["NPR"] = 2, ["OMR"] = 3, ["PHP"] = 2, ["PKR"] = 2,
        ["PYG"] = 0, ["SAR"] = 2, ["TRY"] = 2, ["USD"] = 2, ["VND"] = 0, ["XCD"] = 2,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The exponent of an upper-case ISO 4217 code, or null when the code is not accepted.</summary>
    public static int? Exponent(string code) => Exponents.TryGetValue(code, out var e) ? e : null;
}
