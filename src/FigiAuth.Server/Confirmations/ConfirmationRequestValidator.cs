using System.Text.Json;

namespace FigiAuth.Server.Confirmations;

/// <summary>
/// Checks a create request field by field (SECURITY.md TC-09, TC-10). Errors are keyed by the JSON field name,
/// as in a validation problem-details body.
/// </summary>
internal static class ConfirmationRequestValidator
{
    public static Dictionary<string, string[]> Validate(CreateConfirmationRequest request, ConfirmationOptions options,
        bool isDevelopment, out ValidatedConfirmationRequest? valid)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (request.DisplayText is not null)
        {
            Fail("displayText", "display text is built by the server from amount, currency and payee; do not send it");
        }

        if (string.IsNullOrWhiteSpace(request.Username) == string.IsNullOrWhiteSpace(request.Phone))
        {
            Fail("username", "give exactly one of username or phone");
        }
        else if (request.Username is { Length: > ConfirmationLimits.UsernameLength } || request.Phone is { Length: > 32 })
        {
            Fail("username", "too long");
        }

        var currency = request.Currency ?? "";
        var exponent = currency.Length == 3 && currency.All(char.IsAsciiLetterUpper) ? Currencies.Exponent(currency) : null;
        if (exponent is null)
        {
            Fail("currency", "an accepted ISO 4217 code in upper case, e.g. KES");
        }

        long? amount = null;
        if (request.Amount is not { ValueKind: JsonValueKind.String } amountText)
        {
            Fail("amount", "a decimal string such as \"1500.00\"");
        }
        else if (exponent is { } e && (amount = Money.TryParseMinor(amountText.GetString()!, e)) is null)
        {
            Fail("amount", $"a positive decimal with at most {e} fraction digits for {currency}, ASCII digits and '.' only");
        }

        var payeeName = request.Payee?.Name is { } name ? PayeeText.NormalizeName(name) : null;
        if (payeeName is null)
        {
            Fail("payee.name", $"1 to {ConfirmationLimits.PayeeNameLength} printable characters, no control or format characters");
        }

        var payeeAccount = request.Payee?.Account;
        if (payeeAccount is not null && !PayeeText.IsValidAccount(payeeAccount))
        {
            Fail("payee.account", $"up to {ConfirmationLimits.PayeeAccountLength} of A-Z, a-z, 0-9, '+', '-', '.', ' '");
        }

        var lifetime = request.ExpiresInSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.DefaultLifetime;
        if (lifetime < TimeSpan.FromSeconds(30) || lifetime > options.MaxLifetime)
        {
            Fail("expiresInSeconds", $"between 30 and {(int)options.MaxLifetime.TotalSeconds}");
        }

        if (request.CallbackUrl is { } callback && !IsAcceptableCallback(callback, isDevelopment))
        {
            Fail("callbackUrl", isDevelopment ? "an absolute http(s) URL" : "an absolute https URL");
        }
        else if (request.CallbackUrl is { } url && IsInternalAddress(new Uri(url), options))
        {
            Fail("callbackUrl", "not a loopback, link-local, private or other internal address");
        }

        valid = errors.Count == 0
            ? new ValidatedConfirmationRequest(request.Username, request.Phone, new NewConfirmation(Guid.Empty, "",
                amount!.Value, exponent!.Value, currency, payeeName!, payeeAccount, lifetime, request.CallbackUrl))
            : null;
        return errors;
    }

    // Host names are checked after DNS resolution when the callback is sent (CallbackConnector).
    static bool IsInternalAddress(Uri callback, ConfirmationOptions options) =>
        callback.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
        && !CallbackAddresses.IsAllowedHost(callback.Host, options.CallbackAllowedHosts)
        && CallbackAddresses.IsForbidden(System.Net.IPAddress.Parse(callback.Host.Trim('[', ']')));

    static bool IsAcceptableCallback(string url, bool isDevelopment) =>
        url.Length <= ConfirmationLimits.CallbackUrlLength
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps || (isDevelopment && uri.Scheme == Uri.UriSchemeHttp));
}
