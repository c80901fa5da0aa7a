using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using FigiAuth.Server.Data;
using FigiAuth.Server.Hosting;
using FigiAuth.Server.Tokens;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FigiAuth.Bench;

/// <summary>
/// Goal: the access token of a UAF authentication (amr, acr) costs less CPU and memory written directly
/// (AccessTokenIssuer) than through JsonWebTokenHandler, for the same token.
/// "ECDsa.TrySignData" is the floor both share: one ES256 signature over a token-sized input.
/// </summary>
[OperationsPerSecond]
public class TokenBenchmarks
{
    static readonly AccessTokenRequest Authentication =
        new("0b9f8c52-7c1e-4d0a-9a55-3e1f6c2b7d41", ["uaf"], "urn:figiauth:acr:uaf");

    private AccessTokenIssuer _direct = null!;
    private JsonWebTokenHandlerIssuer _handler = null!;
    private ECDsa _key = null!;
    private byte[] _signingInput = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = Options.Create(new FigiAuthOptions { PublicOrigin = "https://login.example.com" });
        var ring = LoadRing(options);
        _direct = new AccessTokenIssuer(ring, TimeProvider.System, options);
        _handler = new JsonWebTokenHandlerIssuer(ring, TimeProvider.System, IssuerName.Of(options.Value.PublicOrigin!),
            options.Value.Tokens.Audience, options.Value.Tokens.AccessTokenLifetime);
        RequireSameToken();
        _key = ring.SigningKey.ECDsa;
        var token = _direct.Issue(Authentication);
        _signingInput = Encoding.ASCII.GetBytes(token[..token.LastIndexOf('.')]);
    }

    [Benchmark(Baseline = true, Description = "JsonWebTokenHandler.CreateToken (before)")]
    public string Handler() => _handler.Issue(Authentication);

    [Benchmark(Description = "AccessTokenIssuer.Issue (written directly)")]
    public string Direct() => _direct.Issue(Authentication);

    [Benchmark(Description = "ECDsa.TrySignData P-256, header.payload (the signature alone)")]
    public bool SignatureAlone()
    {
        Span<byte> signature = stackalloc byte[64];
        return _key.TrySignData(_signingInput, signature, HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out _);
    }

    /// <summary>A key ring as the server loads it: one new key in an in-memory SQLite database.</summary>
    static SigningKeyRing LoadRing(IOptions<FigiAuthOptions> options)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var db = new SqliteFigiAuthDbContext(new DbContextOptionsBuilder<SqliteFigiAuthDbContext>().UseSqlite(connection).Options);
        db.Database.EnsureCreated();
        var ring = new SigningKeyRing(new EphemeralDataProtectionProvider(), TimeProvider.System, options);
        ring.LoadAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return ring;
    }

    /// <summary>Measures nothing unless both issue the same header and claims (jti is random; the times may tick).</summary>
    void RequireSameToken()
    {
        var (directHeader, directPayload) = Decode(_direct.Issue(Authentication));
        var (handlerHeader, handlerPayload) = Decode(_handler.Issue(Authentication));
        foreach (var random in new[] { "jti", "iat", "nbf", "exp" })
        {
            directPayload.Remove(random);
            handlerPayload.Remove(random);
        }

        if (directHeader != handlerHeader || !JsonNode.DeepEquals(directPayload, handlerPayload))
        {
            throw new InvalidOperationException($"The issuers disagree: {directHeader}{directPayload} vs {handlerHeader}{handlerPayload}");
        }
    }

    /// <summary>The header as written (it is the same bytes for every token of a key), the payload as JSON.</summary>
    static (string Header, JsonObject Payload) Decode(string token)
    {
        var segments = token.Split('.');
        return (Encoding.UTF8.GetString(Base64Url.DecodeFromChars(segments[0])),
            JsonNode.Parse(Base64Url.DecodeFromChars(segments[1]))!.AsObject());
    }
}
