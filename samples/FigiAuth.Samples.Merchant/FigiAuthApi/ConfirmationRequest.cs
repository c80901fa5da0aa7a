using System.Text.Json.Serialization;

namespace FigiAuth.Samples.FigiAuthApi;

/// <summary>The body of POST /confirmations/v1: exactly one of username and phone; amount is a string.</summary>
public sealed record ConfirmationRequest(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Username,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Phone,
    string Amount,
    string Currency,
    Payee Payee,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ExpiresInSeconds = null)
{
    /// <summary>A customer typed as "+2547…" or digits is a phone number, anything else a username.</summary>
    public static ConfirmationRequest For(string customer, string amount, string currency, Payee payee, int? expiresInSeconds = null)
    {
        var c = customer.Trim();
        var isPhone = c.Length > 0 && (c[0] == '+' || c.All(char.IsAsciiDigit));
        return new(isPhone ? null : c, isPhone ? c : null, amount.Trim(), currency.Trim().ToUpperInvariant(), payee, expiresInSeconds);
    }
}
