using System.Text.Json;

namespace FigiAuth.EndToEnd.Tests;

/// <summary>Enroll and login through the CLI process with other authenticator profiles (--profile).</summary>
public sealed class ProfileTests(ITestOutputHelper output) : EndToEndTest(output)
{
    [Theory]
    [InlineData("F1D0#0001", "basic full attestation, P-256 raw")]
    [InlineData("F1D0#0003", "basic surrogate attestation, RSASSA-PSS raw")]
    [InlineData("F1D0#0012", "basic surrogate attestation, Ed25519 COSE key")]
    public Task EnrollAndLogin_WithTheProfile(string aaid, string what) => Scenario(async () =>
    {
        Note($"profile {aaid}: {what}");
        var user = $"profile-{aaid[^4..]}";
        await using var server = await StartServerAsync();
        var db = Database();

        var enroll = await PhoneAsync(server, "enroll", "--user", user, "--profile", aaid, "--json");
        AssertExit(0, enroll);
        Assert.Equal(aaid, Json(enroll).GetProperty("aaid").GetString());
        var row = Assert.Single(db.RegistrationsOf(user));
        Assert.Equal(aaid, row.Aaid);
        Assert.Equal(Json(enroll).GetProperty("keyId").GetString(), row.KeyId);

        var login = await PhoneAsync(server, "login", "--user", user, "--profile", aaid, "--json");
        AssertExit(0, login);
        var answer = Json(login);
        Assert.Equal(aaid, answer.GetProperty("aaid").GetString());
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("accessToken").GetString()));
        Assert.True(Assert.Single(db.RegistrationsOf(user)).SignCounter > row.SignCounter);
        var audited = db.AuditOf(user).Select(e => e.Type).ToList();
        Assert.Equal(["uaf.reg.ok", "uaf.auth.ok"], audited.Where(t => t.StartsWith("uaf.", StringComparison.Ordinal)));
        Assert.Equal(JsonValueKind.String, answer.GetProperty("keyId").ValueKind);
    });
}
