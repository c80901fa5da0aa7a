using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FigiAuth.Client.Receipts;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FigiAuth.Client.Tests;

public sealed class ReceiptVerifierTests
{
    private const string Issuer = "https://id.bank.example/";
    private static readonly ECDsa EcKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly RSA RsaKey = RSA.Create(2048);

    private static string Jwks()
    {
        var ec = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(EcKey) { KeyId = "ec1" });
        var rsa = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(RsaKey.ExportParameters(false)) { KeyId = "rsa1" });
        return JsonSerializer.Serialize(new { keys = new[] { Public(ec), Public(rsa) } });
    }

    private static Dictionary<string, string> Public(JsonWebKey key)
    {
        var members = new Dictionary<string, string> { ["kty"] = key.Kty, ["kid"] = key.Kid };
        if (key.Kty == "EC")
        {
            members["crv"] = key.Crv;
            members["x"] = key.X;
            members["y"] = key.Y;
        }
        else
        {
            members["n"] = key.N;
            members["e"] = key.E;
        }
        return members;
    }

    private static string Receipt(SecurityKey key, string algorithm, DateTime? expires = null, string issuer = Issuer) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Subject = new ClaimsIdentity([new Claim("sub", "alice"), new Claim("confirmation_id", "c-1")]),
            NotBefore = DateTime.UtcNow.AddMinutes(-10),
            IssuedAt = DateTime.UtcNow.AddMinutes(-10),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key, algorithm),
        });

    private static string Es256(DateTime? expires = null, string issuer = Issuer, string kid = "ec1") =>
        Receipt(new ECDsaSecurityKey(EcKey) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256, expires, issuer);

    [Fact]
    public async Task ValidEs256AndRs256Receipts_ReturnTheirClaims()
    {
        var verifier = new ReceiptVerifier(Jwks(), Issuer);

        var es = await verifier.VerifyAsync(Es256());
        var rs = await verifier.VerifyAsync(Receipt(new RsaSecurityKey(RsaKey) { KeyId = "rsa1" }, SecurityAlgorithms.RsaSha256));

        Assert.Equal("c-1", es["confirmation_id"]);
        Assert.Equal("alice", rs["sub"]);
    }

    [Fact]
    public async Task TamperedPayload_IsRejected()
    {
        var parts = Es256().Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("c-1", "c-2");
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        await Assert.ThrowsAsync<ReceiptValidationException>(() => new ReceiptVerifier(Jwks(), Issuer).VerifyAsync(tampered));
    }

    [Fact]
    public async Task UnknownKid_IsRejected_EvenIfAnotherKeyWouldVerify()
    {
        await Assert.ThrowsAsync<ReceiptValidationException>(() => new ReceiptVerifier(Jwks(), Issuer).VerifyAsync(Es256(kid: "other")));
    }

    [Fact]
    public async Task AlgNone_IsRejected()
    {
        var parts = Es256().Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","kid":"ec1","typ":"JWT"}""");

        await Assert.ThrowsAsync<ReceiptValidationException>(() => new ReceiptVerifier(Jwks(), Issuer).VerifyAsync($"{header}.{parts[1]}."));
    }

    [Fact]
    public async Task Hs256_IsRejected()
    {
        var hmac = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "ec1" };

        await Assert.ThrowsAsync<ReceiptValidationException>(() =>
            new ReceiptVerifier(Jwks(), Issuer).VerifyAsync(Receipt(hmac, SecurityAlgorithms.HmacSha256)));
    }

    [Fact]
    public async Task ExpiredReceipt_IsRejected() =>
        await Assert.ThrowsAsync<ReceiptValidationException>(() => new ReceiptVerifier(Jwks(), Issuer).VerifyAsync(Es256(DateTime.UtcNow.AddMinutes(-5))));

    [Fact]
    public async Task WrongIssuer_IsRejected() =>
        await Assert.ThrowsAsync<ReceiptValidationException>(() => new ReceiptVerifier(Jwks(), Issuer).VerifyAsync(Es256(issuer: "https://evil.example/")));
}
