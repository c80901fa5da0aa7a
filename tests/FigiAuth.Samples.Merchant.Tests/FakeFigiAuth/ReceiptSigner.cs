using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FigiAuth.Samples.Tests.FakeFigiAuth;

/// <summary>The fake's receipt key: ES256, published in its JWKS; receipts shaped like FigiAuth's (typ, no exp).</summary>
public sealed class ReceiptSigner : IDisposable
{
    public const string KeyId = "fake-receipt-key";
    static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };
    readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string JwksJson
    {
        get
        {
            var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(_key) { KeyId = KeyId });
            return new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = jwk.Kty, ["crv"] = jwk.Crv, ["x"] = jwk.X, ["y"] = jwk.Y,
                    ["kid"] = KeyId, ["use"] = "sig", ["alg"] = "ES256",
                }),
            }.ToJsonString();
        }
    }

    /// <summary>Signs <paramref name="claims"/> with this key, or with <paramref name="otherKey"/> under the same kid.</summary>
    public string Sign(JsonObject claims, ECDsa? otherKey = null) =>
        Handler.CreateToken(claims.ToJsonString(), new SigningCredentials(
            new ECDsaSecurityKey(otherKey ?? _key) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256),
            new Dictionary<string, object> { ["typ"] = "figiauth-receipt+jwt" });

    public static string DisplayHash(string text) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Changes one character of the payload, keeping the signature: the JWS no longer verifies.</summary>
    public static string TamperPayload(string jws)
    {
        var parts = jws.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("\"amount\":\"", "\"amount\":\"1");
        return $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
    }

    public void Dispose() => _key.Dispose();
}
