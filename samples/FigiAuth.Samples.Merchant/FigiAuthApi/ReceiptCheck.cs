using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FigiAuth.Samples.FigiAuthApi;

/// <summary>
/// Checks a confirmation receipt as docs/integration.md "Receipts" says: the JWS against FigiAuth's JWKS
/// (ES256 only, typ figiauth-receipt+jwt, iss = FigiAuth's origin, no exp: a receipt is evidence), then that it
/// names exactly the payment this back end asked for. Execute the payment only on a valid verdict.
/// </summary>
/// <remarks>
/// NOTE: FigiAuth.Client's ReceiptVerifier requires <c>exp</c>, which FigiAuth's receipts do not carry, and does
/// not check <c>typ</c>; until it has an option for receipts without expiry, the samples use this check.
/// </remarks>
public sealed class ReceiptCheck(IHttpClientFactory factory, IOptions<FigiAuthApiOptions> options)
{
    public const string ReceiptType = "figiauth-receipt+jwt";
    static readonly JsonWebTokenHandler Handler = new();
    volatile JsonWebKeySet? _keys;

    public async Task<ReceiptVerdict> VerifyAsync(string? receipt, ExpectedPayment expected, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(receipt))
            return ReceiptVerdict.Refused("confirmed without a receipt");
        var payload = await VerifySignatureAsync(receipt, ct);
        if (payload is not JsonObject claims)
            return ReceiptVerdict.Refused("the receipt's signature, type, algorithm or issuer does not verify");
        return CheckConfirmationId(claims, expected)
            ?? CheckAmount(claims, expected)
            ?? CheckCurrency(claims, expected)
            ?? CheckPayee(claims, expected)
            ?? CheckDisplayHash(claims)
            ?? new ReceiptVerdict(ToReceipt(claims), null);
    }

    /// <summary>Steps 1 and 2: the key of the header's kid (JWKS refetched once for an unknown kid), ES256, typ, iss.</summary>
    async Task<JsonNode?> VerifySignatureAsync(string receipt, CancellationToken ct)
    {
        JsonWebToken token;
        try
        {
            token = Handler.ReadJsonWebToken(receipt);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var keys = _keys ??= await FetchKeysAsync(ct);
        if (!keys.Keys.Any(k => k.Kid == token.Kid))
            _keys = keys = await FetchKeysAsync(ct);
        var result = await Handler.ValidateTokenAsync(receipt, new TokenValidationParameters
        {
            ValidIssuer = options.Value.ExpectedIssuer,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            ValidTypes = [ReceiptType],
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            IssuerSigningKeys = keys.GetSigningKeys().Where(k => k.KeyId == token.Kid),
            TryAllIssuerSigningKeys = false,
        });
        return result.IsValid && result.SecurityToken is JsonWebToken valid
            ? JsonNode.Parse(Base64Url.DecodeFromChars(valid.EncodedPayload))
            : null;
    }

    async Task<JsonWebKeySet> FetchKeysAsync(CancellationToken ct) =>
        new(await factory.CreateClient(FigiAuthHttp.Name).GetStringAsync(".well-known/jwks.json", ct));

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

    static ReceiptVerdict? CheckDisplayHash(JsonObject claims) =>
        Text(claims, "display_text") is { } text
        && Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(text))) == Text(claims, "display_hash")
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
