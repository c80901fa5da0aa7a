using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FigiAuth.Client.Receipts;

/// <summary>
/// Verifies a signed token against a JWKS. The key is looked up by <c>kid</c> only (no trying every key), the
/// algorithm must be on the allow-list (asymmetric only: never <c>none</c> or HS*), and <c>iss</c> is checked.
/// Two modes:
/// <list type="bullet">
/// <item>the general one (constructor, <see cref="FromUrlAsync"/>): <c>exp</c> required and checked;</item>
/// <item><see cref="ForReceipts"/>, FigiAuth confirmation receipts (docs/integration.md "Receipts"): <c>typ</c> must be
/// <see cref="ReceiptType"/>, ES256 only, no <c>exp</c> required (a receipt is evidence, kept for disputes), and the
/// JWKS is fetched again once when the <c>kid</c> is unknown (the server rotated its key).</item>
/// </list>
/// The claims it returns are verified; checking that they name what you asked for (confirmation id, amount,
/// currency, payee, display hash) is the caller's business.
/// </summary>
public sealed class ReceiptVerifier
{
    /// <summary>The JOSE <c>typ</c> of a FigiAuth confirmation receipt.</summary>
    public const string ReceiptType = "figiauth-receipt+jwt";

    /// <summary>Default allow-list: ES256, ES384, ES512, RS256, PS256.</summary>
    public static IReadOnlyList<string> DefaultAlgorithms { get; } =
    [
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256,
    ];

    private static readonly JsonWebTokenHandler Handler = new();
    private readonly string _issuer;
    private readonly IReadOnlyList<string> _algorithms;
    private readonly bool _receiptMode;
    private readonly Func<CancellationToken, Task<string>>? _refetch;
    private readonly SemaphoreSlim _refetchGate = new(1, 1);
    private volatile JsonWebKeySet? _keys;

    /// <param name="jwksJson">The JWKS document.</param>
    /// <param name="issuer">The expected <c>iss</c>.</param>
    /// <param name="algorithms">Allowed <c>alg</c> values; symmetric ones and <c>none</c> are refused anyway.</param>
    public ReceiptVerifier(string jwksJson, string issuer, IEnumerable<string>? algorithms = null)
        : this(new JsonWebKeySet(jwksJson), issuer, algorithms ?? DefaultAlgorithms, receiptMode: false, refetch: null) { }

    private ReceiptVerifier(JsonWebKeySet? keys, string issuer, IEnumerable<string> algorithms, bool receiptMode,
        Func<CancellationToken, Task<string>>? refetch)
    {
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        _keys = keys;
        _issuer = issuer;
        _receiptMode = receiptMode;
        _refetch = refetch;
        _algorithms = [.. algorithms.Where(a => !a.StartsWith("HS", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(a, "none", StringComparison.OrdinalIgnoreCase))];
        if (_algorithms.Count == 0)
            throw new ArgumentException("no asymmetric algorithm allowed", nameof(algorithms));
    }

    /// <summary>Downloads the JWKS from <paramref name="jwksUri"/> and builds a verifier (general mode: exp required).</summary>
    public static async Task<ReceiptVerifier> FromUrlAsync(HttpClient http, Uri jwksUri, string issuer, CancellationToken cancellationToken = default) =>
        new(await GetJwksAsync(http, jwksUri, cancellationToken).ConfigureAwait(false), issuer);

    /// <summary>
    /// A verifier for FigiAuth confirmation receipts: typ <see cref="ReceiptType"/>, ES256 only, no exp required, iss =
    /// <paramref name="issuer"/> (FigiAuth's public origin). The JWKS at <paramref name="jwksUri"/> (normally
    /// <c>{origin}/.well-known/jwks.json</c>) is fetched on first use and once more for an unknown kid.
    /// </summary>
    public static ReceiptVerifier ForReceipts(HttpClient http, Uri jwksUri, string issuer)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(jwksUri);
        return new ReceiptVerifier(null, issuer, [SecurityAlgorithms.EcdsaSha256], receiptMode: true,
            ct => GetJwksAsync(http, jwksUri, ct));
    }

    /// <summary>Verifies <paramref name="receipt"/> and returns its claims, or throws <see cref="ReceiptValidationException"/>.</summary>
    /// <param name="time">The clock for exp/nbf in the general mode (receipt mode checks no lifetime).</param>
    public async Task<IReadOnlyDictionary<string, object>> VerifyAsync(string receipt, TimeProvider? time = null)
    {
        var result = await ValidateAsync(receipt, time, CancellationToken.None).ConfigureAwait(false);
        return result.Claims.ToDictionary(c => c.Key, c => c.Value);
    }

    /// <summary>Verifies <paramref name="receipt"/> and returns its payload as JSON (nested claims such as <c>payee</c>
    /// intact), or throws <see cref="ReceiptValidationException"/>.</summary>
    public async Task<JsonObject> VerifyPayloadAsync(string receipt, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var result = await ValidateAsync(receipt, time, cancellationToken).ConfigureAwait(false);
        var token = (JsonWebToken)result.SecurityToken;
        return JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedPayload))?.AsObject()
            ?? throw new ReceiptValidationException("the receipt payload is not a JSON object");
    }

    private async Task<TokenValidationResult> ValidateAsync(string receipt, TimeProvider? time, CancellationToken cancellationToken)
    {
        JsonWebToken token;
        try
        {
            token = Handler.ReadJsonWebToken(receipt);
        }
        catch (ArgumentException e)
        {
            throw new ReceiptValidationException("the receipt is not a compact JWS", e);
        }
        if (!_algorithms.Contains(token.Alg, StringComparer.Ordinal))
            throw new ReceiptValidationException($"receipt algorithm '{token.Alg}' is not allowed");
        if (_receiptMode && !string.Equals(token.Typ, ReceiptType, StringComparison.Ordinal))
            throw new ReceiptValidationException($"typ '{token.Typ}' is not {ReceiptType}");
        var keys = await KeysForAsync(token.Kid, cancellationToken).ConfigureAwait(false);
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = _issuer,
            ValidateIssuer = true,
            ValidateAudience = false,
            ValidateLifetime = !_receiptMode,
            RequireExpirationTime = !_receiptMode,
            RequireSignedTokens = true,
            ValidAlgorithms = _algorithms,
            ValidTypes = _receiptMode ? [ReceiptType] : null,
            IssuerSigningKeys = keys.GetSigningKeys().Where(k => k.KeyId == token.Kid),
            TryAllIssuerSigningKeys = false,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        if (time is not null && !_receiptMode)
            parameters.LifetimeValidator = (notBefore, expires, _, p) =>
                expires is { } exp && exp > time.GetUtcNow().UtcDateTime - p.ClockSkew
                && (notBefore is not { } nbf || nbf <= time.GetUtcNow().UtcDateTime + p.ClockSkew);
        var result = await Handler.ValidateTokenAsync(receipt, parameters).ConfigureAwait(false);
        if (!result.IsValid)
            throw new ReceiptValidationException($"receipt rejected: {result.Exception?.Message}", result.Exception);
        return result;
    }

    /// <summary>The key set holding <paramref name="kid"/>: the cached one, else (receipt mode) one fresh fetch.</summary>
    private async Task<JsonWebKeySet> KeysForAsync(string? kid, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(kid))
            throw new ReceiptValidationException("the receipt names no key (kid)");
        var keys = _keys;
        if (keys is not null && keys.Keys.Any(k => k.Kid == kid))
            return keys;
        if (_refetch is not null)
        {
            await _refetchGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                keys = _keys;
                if (keys is null || !keys.Keys.Any(k => k.Kid == kid))
                    _keys = keys = new JsonWebKeySet(await _refetch(cancellationToken).ConfigureAwait(false));
            }
            catch (HttpRequestException e)
            {
                throw new ReceiptValidationException("the JWKS could not be fetched", e);
            }
            finally
            {
                _refetchGate.Release();
            }
        }
        return keys is not null && keys.Keys.Any(k => k.Kid == kid)
            ? keys
            : throw new ReceiptValidationException($"no key '{kid}' in the JWKS");
    }

    private static async Task<string> GetJwksAsync(HttpClient http, Uri jwksUri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, jwksUri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }
}

public sealed class ReceiptValidationException(string message, Exception? inner = null) : Exception(message, inner);
