using System.Text;
using System.Text.Json;
using FigiAuth.Testing.Support;
using Microsoft.Data.Sqlite;

namespace FigiAuth.EndToEnd.Tests;

/// <summary>
/// What every end-to-end test has: its own temp folder (database, key store), the servers it started (killed in
/// Dispose), and a transcript of every process it ran, written to the test output when the test fails.
/// </summary>
public abstract class EndToEndTest(ITestOutputHelper output) : IAsyncLifetime
{
    public const string Pin = "2468";

    readonly List<ServerProcess> servers = [];
    readonly StringBuilder transcript = new();

    protected string Folder { get; } = Directory.CreateTempSubdirectory("figiauth-e2e-").FullName;

    protected string DatabasePath => Path.Combine(Folder, "figiauth.db");

    protected string StorePath => Path.Combine(Folder, "phone-keys.bin");

    /// <summary>Runs the test body; on failure writes the transcripts and every server's log to the test output.</summary>
    protected async Task Scenario(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            output.WriteLine(transcript.ToString());
            foreach (var server in servers)
            {
                output.WriteLine($"===== server {server.Origin} (exited: {server.HasExited}) =====\n{server.Output}");
            }

            throw;
        }
    }

    protected async Task<ServerProcess> StartServerAsync(int? port = null, IReadOnlyList<string>? arguments = null, string? workingDirectory = null)
    {
        Note($"starting the server on {(port is null ? "a free port" : port.ToString())} with {DatabasePath}");
        var server = await ServerProcess.StartAsync(new ServerProcessOptions
        {
            DatabasePath = DatabasePath,
            Port = port,
            Arguments = arguments ?? [],
            WorkingDirectory = workingDirectory,
        });
        servers.Add(server);
        return server;
    }

    /// <summary>
    /// <c>dotnet figiauth-phone.dll {args}</c> against the server, with --store and --pin unless given; FIGIAUTH_PIN
    /// is removed from its environment.
    /// </summary>
    protected async Task<DotnetProcess.Result> PhoneAsync(ServerProcess? server, params string[] args)
    {
        var all = new List<string>(args);
        if (server is not null && !all.Contains("--server"))
        {
            all.AddRange(["--server", server.Origin.ToString().TrimEnd('/')]);
        }

        if (!all.Contains("--store"))
        {
            all.AddRange(["--store", StorePath]);
        }

        if (!all.Contains("--pin"))
        {
            all.AddRange(["--pin", Pin]);
        }

        return await RunAsync(RepoPaths.PhoneDll, all, Folder);
    }

    /// <summary><c>dotnet FigiAuth.Server.dll verify-audit</c> on the test's database.</summary>
    protected Task<DotnetProcess.Result> VerifyAuditAsync() =>
        RunAsync(RepoPaths.ServerDll, ["verify-audit", $"--ConnectionStrings:FigiAuth=Data Source={DatabasePath}"], Folder,
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["ConnectionStrings__FigiAuth"] = null });

    async Task<DotnetProcess.Result> RunAsync(string dll, IEnumerable<string> args, string workingDirectory, IDictionary<string, string?>? environment = null)
    {
        var env = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>()) { ["FIGIAUTH_PIN"] = null };
        var result = await DotnetProcess.RunAsync(dll, args, env, workingDirectory, TimeSpan.FromSeconds(120));
        lock (transcript)
        {
            transcript.AppendLine(result.Transcript);
        }

        return result;
    }

    protected void Note(string line)
    {
        lock (transcript)
        {
            transcript.AppendLine($"# {DateTime.UtcNow:HH:mm:ss.fff} {line}");
        }
    }

    /// <summary>The single JSON document a --json run printed on stdout.</summary>
    protected static JsonElement Json(DotnetProcess.Result result)
    {
        try
        {
            return JsonDocument.Parse(result.Stdout).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"stdout is not one JSON document ({e.Message}):\n{result.Stdout}");
        }
    }

    protected static void AssertExit(int expected, DotnetProcess.Result result) =>
        Assert.True(result.ExitCode == expected, $"expected exit {expected}:\n{result.Transcript}");

    /// <summary>The server's SQLite file, opened read-only.</summary>
    protected ServerDatabase Database() => new(DatabasePath);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        foreach (var server in servers)
        {
            server.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
