using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using FigiAuth.Client.Receipts;

namespace FigiAuth.Samples.FigiAuthApi;

/// <summary>
/// Checks a confirmation receipt as docs/integration.md "Receipts" says: the JWS with the SDK's
/// <see cref="ReceiptVerifier"/> in receipt mode (FigiAuth's JWKS, refetched once for an unknown kid; ES256 only, typ
/// figiauth-receipt+jwt, iss = FigiAuth's origin, no exp: a receipt is evidence), then that it names exactly the
/// payment this back end asked for. Execute the payment only on a valid verdict.
/// </summary>
public sealed class ReceiptCheck(IHttpClientFactory factory, IOptions<FigiAuthApiOptions> options)
{
    public const string ReceiptType = ReceiptVerifier.ReceiptType;
    readonly Lazy<ReceiptVerifier> _verifier = new(() => ReceiptVerifier.ForReceipts(factory.CreateClient(FigiAuthHttp.Name),
        new Uri(".well-known/jwks.json", UriKind.Relative), options.Value.ExpectedIssuer));

    public async Task<ReceiptVerdict> VerifyAsync(string? receipt, ExpectedPayment expected, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(receipt))
            return ReceiptVerdict.Refused("confirmed without a receipt");
        JsonObject claims;
        try
        {
            claims = await _verifier.Value.VerifyPayloadAsync(receipt, cancellationToken: ct);
        }
        catch (ReceiptValidationException)
        {
            return ReceiptVerdict.Refused("the receipt's signature, type, algorithm or issuer does not verify");
        }

        return CheckConfirmationId(claims, expected)
            ?? CheckAmount(claims, expected)
            ?? CheckCurrency(claims, expected)
            ?? CheckPayee(claims, expected)
            ?? CheckDisplayHash(claims)
            ?? new ReceiptVerdict(ToReceipt(claims), null);
    }

    // Step 3: the receipt names what we asked for.
    static ReceiptVerdict? CheckConfirmationId(JsonObject claims, ExpectedPayment expected) =>
        Text(claims, "confirmation_id") == expected.ConfirmationId ? null : ReceiptVerdict.Refused("the receipt is for another confirmation");

    static ReceiptVerdict? CheckAmount(JsonObject claims, ExpectedPayment expected) =>
        decimal.TryParse(Text(claims, "amount"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount == expected.Amount
            ? null
            : ReceiptVerdict.Refused("the receipt is for another amount");

    static ReceiptVerdict? CheckCurrency(JsonObject claims, ExpectedPayment expected) =>
        Text(claims, "currency") == expected.Currency ? null : ReceiptVerdict.Refused("the receipt is for another currency");

    static ReceiptVerdict? CheckPayee(JsonObject claims, ExpectedPayment expected) =>
        claims["payee"] is JsonObject payee && Text(payee, "name") == expected.Payee.Name && Text(payee, "account") == expected.Payee.Account
            ? null
            : ReceiptVerdict.Refused("the receipt is for another payee");

    // The text the user saw: display_hash when the text itself was shown; text_hash when a PNG rendering of it was
    // (display_type image/png, display_hash is then the PNG's).
    static ReceiptVerdict? CheckDisplayHash(JsonObject claims) =>
        Text(claims, "display_text") is { } text
        && Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))
            == Text(claims, Text(claims, "display_type") is null or "text/plain" ? "display_hash" : "text_hash")
            ? null
            : ReceiptVerdict.Refused("the receipt's display_hash is not the hash of its display_text");

    /// <summary>Reads claims verified earlier (e.g. stored with a payment) for display; it checks nothing.</summary>
    public static VerifiedReceipt FromVerifiedClaims(string claimsJson) => ToReceipt(JsonNode.Parse(claimsJson)!.AsObject());

    static VerifiedReceipt ToReceipt(JsonObject claims) => new(
        Text(claims, "confirmation_id")!,
        Text(claims, "sub") ?? "",
        Text(claims, "amount")!,
        Text(claims, "currency")!,
        new Payee(Text(claims["payee"]!.AsObject(), "name")!, Text(claims["payee"]!.AsObject(), "account")),
        Text(claims, "display_text")!,
        Text(claims, "method"),
        Text(claims, "authenticator"),
        claims["confirmed_at"] is JsonValue at && at.TryGetValue<long>(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
        claims.ToJsonString());

    static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
