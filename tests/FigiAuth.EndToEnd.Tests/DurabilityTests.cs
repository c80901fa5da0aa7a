namespace FigiAuth.EndToEnd.Tests;

/// <summary>kill -9 of the server between enroll and login; the restarted server on the same port and database logs in.</summary>
public sealed class DurabilityTests(ITestOutputHelper output) : EndToEndTest(output)
{
    const string User = "durable-dave";

    [Fact]
    public Task Login_AfterKill9AndRestart_OnTheSamePortAndDatabase() => Scenario(async () =>
    {
        var first = await StartServerAsync();
        var enroll = await PhoneAsync(first, "enroll", "--user", User, "--json");
        AssertExit(0, enroll);
        first.Kill();
        Assert.True(first.HasExited);

        var second = await StartServerAsync(first.Port);
        var login = await PhoneAsync(second, "login", "--user", User, "--json");
        AssertExit(0, login);
        Assert.Equal(Json(enroll).GetProperty("keyId").GetString(), Json(login).GetProperty("keyId").GetString());
        var row = Assert.Single(Database().RegistrationsOf(User));
        Assert.True(row.SignCounter > 0);
        Assert.Equal(["uaf.reg.ok", "uaf.auth.ok"], Database().AuditOf(User).Select(e => e.Type).Where(t => t.StartsWith("uaf.", StringComparison.Ordinal)));
        AssertExit(0, await VerifyAuditAsync());
    });
}
