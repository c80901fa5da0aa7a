using FigiAuth.Testing.Support;

namespace FigiAuth.EndToEnd.Tests;

/// <summary>kill -9 of the server between enroll and login; the restarted server on the same port and database logs in.</summary>
public sealed class DurabilityTests(ITestOutputHelper output) : EndToEndTest(output)
{
    const int Attempts = 3;

    [Fact]
    public Task Login_AfterKill9AndRestart_OnTheSamePortAndDatabase() => Scenario(async () =>
    {
        for (var attempt = 1; ; attempt++)
        {
            // The same port matters (the AppID and the facet list the phone fetches are the server's origin), but the
            // killed server's port is free for anyone until the new server binds it seconds later. When another process
            // took it meanwhile, that is not what this test checks: start over with a new user.
            var user = $"durable-dave-{attempt}";
            var first = await StartServerAsync();
            var enroll = await PhoneAsync(first, "enroll", "--user", user, "--json");
            AssertExit(0, enroll);
            first.Kill();
            Assert.True(first.HasExited);

            ServerProcess second;
            try
            {
                second = await StartServerAsync(first.Port);
            }
            catch (WebAppExitedException e) when (e.AddressInUse && attempt < Attempts)
            {
                Note($"port {first.Port} was taken after the kill; starting over");
                continue;
            }

            var login = await PhoneAsync(second, "login", "--user", user, "--json");
            AssertExit(0, login);
            Assert.Equal(Json(enroll).GetProperty("keyId").GetString(), Json(login).GetProperty("keyId").GetString());
            var row = Assert.Single(Database().RegistrationsOf(user));
            Assert.True(row.SignCounter > 0);
            Assert.Equal(["uaf.reg.ok", "uaf.auth.ok"], Database().AuditOf(user).Select(e => e.Type).Where(t => t.StartsWith("uaf.", StringComparison.Ordinal)));
            AssertExit(0, await VerifyAuditAsync());
            return;
        }
    });
}
