using System.Net.Http.Json;
using System.Text;
using FigiAuth.Client;
using FigiAuth.Client.Authenticators;
using FigiAuth.Client.Http;
using FigiAuth.Client.KeyStore;
using FigiAuth.Testing.Support;
using Microsoft.Data.Sqlite;

namespace FigiAuth.Server.Tests.Uaf;

/// <summary>SECURITY.md DUR-02 and crash mid-ceremony, with the server as a real process killed with SIGKILL.</summary>
public sealed class UafDurabilityTests : IDisposable
{
    readonly string directory = Directory.CreateTempSubdirectory("figiauth-dur-").FullName;

    string Database => Path.Combine(directory, "figiauth.db");

    [Fact]
    public async Task Succeeds_WhenRegistrationAnswered1200SurvivesKillAndRestart()
    {
        var store = new InMemoryKeyStore();
        const string user = "durable-alice";
        int port;
        using (var first = await ServerProcess.StartAsync(Database))
        {
            var registered = await Phone(first, store).RegisterAsync(user);
            Assert.Equal(1200, registered.Response.StatusCode);
            port = first.Origin.Port;
            first.Kill();
        }

        using var second = await ServerProcess.StartAsync(Database, port);
        var authenticated = await Phone(second, store).AuthenticateAsync(user);

        Assert.Equal(1200, authenticated.Response.StatusCode);
        Assert.False(string.IsNullOrEmpty(authenticated.AccessToken));
    }

    [Fact]
    public async Task Succeeds_WhenCrashBetweenGetAndRespondLeavesNoRegistration()
    {
        using (var server = await ServerProcess.StartAsync(Database))
        {
            using var http = server.CreateClient();
            var answer = await http.PostAsync("/uaf/v1/get", new StringContent("""{"op":"Reg","context":"{\"username\":\"crash-bob\"}"}""",
                Encoding.UTF8, "application/fido+uaf"));
            Assert.Equal(1200, (await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("statusCode").GetInt32());
            server.Kill();
        }

        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=false");
        await connection.OpenAsync();
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM CeremonyChallenges WHERE ConsumedAt IS NULL"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM UafRegistrations"));
        Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check"));
    }

    static UafClient Phone(ServerProcess server, IKeyStore store) =>
        new(new UafHttpClient(server.CreateClient()), [UafHarness.NewAuthenticator(AuthenticatorProfiles.P256Raw, store)],
            new UafClientOptions { FacetId = server.Origin.ToString().TrimEnd('/'), AllowHttpAppId = true });

    static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
