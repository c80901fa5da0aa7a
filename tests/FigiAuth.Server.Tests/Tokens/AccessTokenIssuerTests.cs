using FigiAuth.Server.Hosting;
using FigiAuth.Server.Tests.Infrastructure;
using FigiAuth.Server.Tokens;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FigiAuth.Server.Tests.Tokens;

/// <summary>The directly written access tokens carry exactly what JsonWebTokenHandler wrote before, and validate as before.</summary>
public sealed class AccessTokenIssuerTests(FigiAuthServerFactory factory) : IClassFixture<FigiAuthServerFactory>
{
    // Now, not a fixed date, so the tokens also pass lifetime validation; a fake so that iat/exp are known exactly.
    readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    FigiAuthOptions Options => factory.Services.GetRequiredService<IOptions<FigiAuthOptions>>().Value;
    SigningKeyRing Ring => factory.Services.GetRequiredService<SigningKeyRing>();

    AccessTokenIssuer Issuer(SigningKeyRing? ring = null) =>
        new(ring ?? Ring, clock, factory.Services.GetRequiredService<IOptions<FigiAuthOptions>>());

    /// <summary>Every combination of the optional parts of a request, as bits: acr, scopes, roles, confirmation, client, audience, lifetime.</summary>
    public static TheoryData<int> Combinations => new(Enumerable.Range(0, 1 << 7));

    static AccessTokenRequest RequestFor(int bits) => new(
        "user+é<1>",
        ["hwk", "user"],
        Acr: (bits & 1) != 0 ? "urn:figiauth:acr:uaf" : null,
        Scopes: (bits & 2) != 0 ? ["openid", "profile"] : null,
        Roles: (bits & 4) != 0 ? ["admin", "auditor"] : null,
        ConfirmationId: (bits & 8) != 0 ? "conf-42" : null,
        ClientId: (bits & 16) != 0 ? "dfs-backend" : null,
        Audience: (bits & 32) != 0 ? "dfs-api" : null,
        Lifetime: (bits & 64) != 0 ? TimeSpan.FromSeconds(90) : null);

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Succeeds_WhenEveryClaimRoundTripsWithItsJsonType(int bits)
    {
        var request = RequestFor(bits);
        var token = Issuer().Issue(request);

        var result = await ValidateAsync(token, request.Audience ?? Options.Tokens.Audience, Ring.ValidationKeys);
        Assert.True(result.IsValid, result.Exception?.Message);

        var issued = IssuedToken.Parse(token);
        string[] expected =
        [
            "aud", "iss", "exp", "iat", "nbf", "sub", "jti", "amr",
            .. request.Acr is null ? Array.Empty<string>() : ["acr"],
            .. request.Scopes is null ? Array.Empty<string>() : ["scope"],
            .. request.Roles is null ? Array.Empty<string>() : ["role"],
            .. request.ConfirmationId is null ? Array.Empty<string>() : ["confirmation_id"],
            .. request.ClientId is null ? Array.Empty<string>() : ["client_id"],
        ];
        Assert.Equal(expected, issued.PayloadNames);
        Assert.Equal(request.Audience ?? "figiauth", issued.String("aud"));
        Assert.Equal(IssuerName.Of(Options.PublicOrigin!), issued.String("iss"));
        Assert.Equal("user+é<1>", issued.String("sub"));
        Assert.Contains("\"sub\":\"user+é<1>\"", issued.PayloadText); // escaped as JsonWebTokenHandler did: not at all
        Assert.Equal(22, issued.String("jti").Length);
        Assert.Equal(["hwk", "user"], issued.Strings("amr"));
        if (request.Acr is not null) Assert.Equal("urn:figiauth:acr:uaf", issued.String("acr"));
        if (request.Scopes is not null) Assert.Equal("openid profile", issued.String("scope"));
        if (request.Roles is not null) Assert.Equal(["admin", "auditor"], issued.Strings("role"));
        if (request.ConfirmationId is not null) Assert.Equal("conf-42", issued.String("confirmation_id"));
        if (request.ClientId is not null) Assert.Equal("dfs-backend", issued.String("client_id"));

        var iat = issued.NumericDate("iat");
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), iat);
        Assert.Equal(iat, issued.NumericDate("nbf"));
        Assert.Equal(iat + (long)(request.Lifetime ?? Options.Tokens.AccessTokenLifetime).TotalSeconds, issued.NumericDate("exp"));
    }

    [Fact]
    public async Task Succeeds_WhenHeaderIsEs256WithKidAndAtJwtType()
    {
        var token = Issuer().Issue(new AccessTokenRequest("user-1", ["uaf"]));

        var issued = IssuedToken.Parse(token);
        // The bytes JsonWebTokenHandler wrote: this order, "+" not escaped.
        Assert.Equal($$"""{"alg":"ES256","kid":"{{Ring.SigningKey.KeyId}}","typ":"at+jwt"}""", issued.HeaderText);
        Assert.Equal(64, issued.Signature.Length);
        var result = await ValidateAsync(token, "figiauth", Ring.ValidationKeys);
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("at+jwt", ((JsonWebToken)result.SecurityToken).Typ);
    }

    [Fact]
    public async Task Succeeds_WhenAmrIsEmptyArrayAsBefore()
    {
        var token = Issuer().Issue(new AccessTokenRequest("user-1", []));

        Assert.Empty(IssuedToken.Parse(token).Strings("amr"));
        Assert.True((await ValidateAsync(token, "figiauth", Ring.ValidationKeys)).IsValid);
    }

    [Fact]
    public async Task Succeeds_WhenHeaderFollowsTheRingToItsNextKey()
    {
        var ring = new SigningKeyRing(factory.Services.GetRequiredService<IDataProtectionProvider>(), clock,
            factory.Services.GetRequiredService<IOptions<FigiAuthOptions>>());
        await LoadAsync(ring);
        var issuer = Issuer(ring);
        var before = IssuedToken.Parse(issuer.Issue(new AccessTokenRequest("user-1", ["uaf"])));

        clock.Advance(Options.Signing.KeyLifetime + TimeSpan.FromDays(1));
        await LoadAsync(ring);
        var token = issuer.Issue(new AccessTokenRequest("user-1", ["uaf"]));

        var after = IssuedToken.Parse(token);
        Assert.Equal(Ring.SigningKey.KeyId, before.Kid);
        Assert.NotEqual(Ring.SigningKey.KeyId, ring.SigningKey.KeyId);
        Assert.Equal(ring.SigningKey.KeyId, after.Kid);
        var result = await ValidateAsync(token, "figiauth", ring.ValidationKeys, validateLifetime: false);
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task Succeeds_WhenThreadsIssueAtOnce()
    {
        var issuer = Issuer();
        var tokens = new string[64];

        Parallel.For(0, tokens.Length, i => tokens[i] = issuer.Issue(new AccessTokenRequest($"user-{i}", ["uaf"], Roles: [$"role-{i}"])));

        for (var i = 0; i < tokens.Length; i++)
        {
            var result = await ValidateAsync(tokens[i], "figiauth", Ring.ValidationKeys);
            Assert.True(result.IsValid, result.Exception?.Message);
            Assert.Equal($"user-{i}", result.Claims["sub"]);
            Assert.Equal([$"role-{i}"], IssuedToken.Parse(tokens[i]).Strings("role"));
        }
    }

    Task<TokenValidationResult> ValidateAsync(string token, string audience, IEnumerable<SecurityKey> keys, bool validateLifetime = true) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = IssuerName.Of(Options.PublicOrigin!),
            ValidAudience = audience,
            ValidAlgorithms = [SigningKeyRing.Algorithm],
            ValidTypes = [AccessTokenIssuer.TokenType],
            IssuerSigningKeys = keys,
            ValidateLifetime = validateLifetime,
        });

    Task LoadAsync(SigningKeyRing ring) =>
        factory.WithDbAsync(async (db, _) => { await ring.LoadAsync(db, CancellationToken.None); return 0; });
}
