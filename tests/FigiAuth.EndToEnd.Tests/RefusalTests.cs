using FigiAuth.Testing.Support;

namespace FigiAuth.EndToEnd.Tests;

/// <summary>What the CLI does when the user, the key store or the server says no.</summary>
public sealed class RefusalTests(ITestOutputHelper output) : EndToEndTest(output)
{
    const string User = "refusal-carol";

    [Fact]
    public Task WrongPin_ExitsWith4_AndSendsNothing() => Scenario(async () =>
    {
        await using var server = await StartServerAsync();
        AssertExit(0, await PhoneAsync(server, "enroll", "--user", User));
        var db = Database();
        var challenges = db.Count("SELECT COUNT(*) FROM CeremonyChallenges");
        var events = db.Count("SELECT COUNT(*) FROM AuditEvents");

        foreach (var command in new[] { "login", "enroll", "dereg" })
        {
            var wrong = await PhoneAsync(server, command, "--user", User, "--pin", "0000");
            AssertExit(4, wrong);
            Assert.Contains("wrong PIN", wrong.Stderr);
        }

        var json = await PhoneAsync(server, "login", "--user", User, "--pin", "0000", "--json");
        AssertExit(4, json);
        Assert.Equal(4, Json(json).GetProperty("exitCode").GetInt32());
        Assert.Equal(challenges, db.Count("SELECT COUNT(*) FROM CeremonyChallenges"));
        Assert.Equal(events, db.Count("SELECT COUNT(*) FROM AuditEvents"));
        Assert.Single(db.RegistrationsOf(User));
        AssertExit(0, await PhoneAsync(server, "login", "--user", User));
    });

    [Fact]
    public Task SecondEnroll_OfTheSameStore_AddsASecondKey_AndBothLogIn() => Scenario(async () =>
    {
        await using var server = await StartServerAsync();
        AssertExit(0, await PhoneAsync(server, "enroll", "--user", User));
        var second = await PhoneAsync(server, "enroll", "--user", User, "--json");
        AssertExit(0, second);

        var rows = Database().RegistrationsOf(User);
        Assert.Equal(2, rows.Count);
        Assert.Equal(2, rows.Select(r => r.KeyId).Distinct().Count());
        Assert.Contains(rows, r => r.KeyId == Json(second).GetProperty("keyId").GetString());
        var keys = Json(await PhoneAsync(server, "keys", "--json")).GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("keyId").GetString());
        Assert.Equal(rows.Select(r => r.KeyId).Order(), keys.Order());
        AssertExit(0, await PhoneAsync(server, "login", "--user", User));
    });

    [Fact]
    public Task ServerDown_ExitsWith5_WithTheAddressInTheMessage() => Scenario(async () =>
    {
        int port;
        await using (var server = await StartServerAsync())
        {
            AssertExit(0, await PhoneAsync(server, "enroll", "--user", User));
            port = server.Port;
            server.Kill();
        }

        // Hold the dead server's port (bound, not listening: connections are refused) so no other process can start
        // listening there while the phone runs; if one already took it, hold another port the same way.
        using var down = ClosedPort.TryHold(port) ?? ClosedPort.Hold();
        var origin = $"http://127.0.0.1:{down.Port}";
        var login = await PhoneAsync(null, "login", "--user", User, "--server", origin);
        AssertExit(5, login);
        Assert.Contains($"cannot reach {origin}/", login.Stderr);
        var json = await PhoneAsync(null, "login", "--user", User, "--server", origin, "--json");
        AssertExit(5, json);
        Assert.Equal(5, Json(json).GetProperty("exitCode").GetInt32());
    });

    [Fact]
    public Task TamperedKeyStore_IsAClearErrorNotAWrongPin() => Scenario(async () =>
    {
        await using var server = await StartServerAsync();
        AssertExit(0, await PhoneAsync(server, "enroll", "--user", User));
        var bytes = await File.ReadAllBytesAsync(StorePath);
        bytes[^20] ^= 0x01; // a ciphertext byte
        await File.WriteAllBytesAsync(StorePath, bytes);

        var login = await PhoneAsync(server, "login", "--user", User);
        Assert.NotEqual(0, login.ExitCode);
        Assert.NotEqual(4, login.ExitCode);
        Assert.Contains("modified or damaged", login.Stderr);
        Assert.Contains(StorePath, login.Stderr);
        var keys = await PhoneAsync(server, "keys");
        Assert.Equal(login.ExitCode, keys.ExitCode);
        Assert.Contains("modified or damaged", keys.Stderr);

        await File.WriteAllTextAsync(StorePath, "not a key store");
        var garbage = await PhoneAsync(server, "login", "--user", User);
        Assert.Equal(login.ExitCode, garbage.ExitCode);
        Assert.Contains("is not a FigiAuth key store", garbage.Stderr);
    });
}
