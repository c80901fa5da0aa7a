using System.Net.Http.Headers;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FigiAuth.Client.Receipts;

/// <summary>
/// Verifies a confirmation receipt: a compact JWS checked against the server's JWKS. The key is
/// looked up by <c>kid</c> only (no trying every key), the algorithm must be on the allow-list
/// (asymmetric only: never <c>none</c> or HS*), and <c>iss</c> and <c>exp</c> are required and checked.
/// </summary>
public sealed class ReceiptVerifier
{
    /// <summary>Default allow-list: ES256, ES384, ES512, RS256, PS256.</summary>
    public static IReadOnlyList<string> DefaultAlgorithms { get; } =
    [
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256,
    ];

    private readonly JsonWebKeySet _keys;
    private readonly string _issuer;
    private readonly IReadOnlyList<string> _algorithms;

    /// <param name="jwksJson">The JWKS document.</param>
    /// <param name="issuer">The expected <c>iss</c>.</param>
    /// <param name="algorithms">Allowed <c>alg</c> values; symmetric ones and <c>none</c> are refused anyway.</param>
    public ReceiptVerifier(string jwksJson, string issuer, IEnumerable<string>? algorithms = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        _keys = new JsonWebKeySet(jwksJson);
        _issuer = issuer;
        _algorithms = [.. (algorithms ?? DefaultAlgorithms).Where(a => !a.StartsWith("HS", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(a, "none", StringComparison.OrdinalIgnoreCase))];
        if (_algorithms.Count == 0)
            throw new ArgumentException("no asymmetric algorithm allowed", nameof(algorithms));
    }

    /// <summary>Downloads the JWKS from <paramref name="jwksUri"/> and builds a verifier.</summary>
    public static async Task<ReceiptVerifier> FromUrlAsync(HttpClient http, Uri jwksUri, string issuer, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, jwksUri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return new ReceiptVerifier(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), issuer);
    }

    /// <summary>Verifies <paramref name="receipt"/> and returns its claims, or throws <see cref="ReceiptValidationException"/>.</summary>
    public async Task<IReadOnlyDictionary<string, object>> VerifyAsync(string receipt, TimeProvider? time = null)
    {
        var handler = new JsonWebTokenHandler();
        JsonWebToken token;
        try
        {
            token = handler.ReadJsonWebToken(receipt);
        }
        catch (ArgumentException e)
        {
            throw new ReceiptValidationException("the receipt is not a compact JWS", e);
        }
        if (!_algorithms.Contains(token.Alg, StringComparer.Ordinal))
            throw new ReceiptValidationException($"receipt algorithm '{token.Alg}' is not allowed");
        if (string.IsNullOrEmpty(token.Kid) || !_keys.Keys.Any(k => k.Kid == token.Kid))
            throw new ReceiptValidationException($"no key '{token.Kid}' in the JWKS");
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = _issuer,
            ValidateIssuer = true,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidAlgorithms = _algorithms,
            IssuerSigningKeys = _keys.GetSigningKeys(),
            TryAllIssuerSigningKeys = false,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        if (time is not null)
            parameters.LifetimeValidator = (notBefore, expires, _, p) =>
                expires is { } exp && exp > time.GetUtcNow().UtcDateTime - p.ClockSkew
                && (notBefore is not { } nbf || nbf <= time.GetUtcNow().UtcDateTime + p.ClockSkew);
        var result = await handler.ValidateTokenAsync(receipt, parameters).ConfigureAwait(false);
        if (!result.IsValid)
            throw new ReceiptValidationException($"receipt rejected: {result.Exception?.Message}", result.Exception);
        return result.Claims.ToDictionary(c => c.Key, c => c.Value);
    }
}

public sealed class ReceiptValidationException(string message, Exception? inner = null) : Exception(message, inner);
