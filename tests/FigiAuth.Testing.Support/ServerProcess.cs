namespace FigiAuth.Testing.Support;

/// <summary>
/// The built server as a real process (<see cref="WebAppProcess"/>): <c>dotnet FigiAuth.Server.dll --urls
/// http://127.0.0.1:{port} --ConnectionStrings:FigiAuth=Data Source={db}</c> in Development. It binds 127.0.0.1 only
/// and is ready when its own log says it listens on that origin and /health/ready answers 200. Its stdout and stderr
/// are kept in <see cref="Output"/>. <see cref="Kill"/> is a <c>kill -9</c> of the whole process tree; Dispose does the
/// same.
/// </summary>
public sealed class ServerProcess : IDisposable, IAsyncDisposable
{
    readonly WebAppProcess app;

    ServerProcess(WebAppProcess app, string databasePath)
    {
        this.app = app;
        DatabasePath = databasePath;
    }

    /// <summary>The listening origin, <c>http://127.0.0.1:{port}</c>.</summary>
    public Uri Origin => app.Origin;

    public int Port => app.Port;

    public string DatabasePath { get; }

    public string ConnectionString => $"Data Source={DatabasePath}";

    public bool HasExited => app.HasExited;

    /// <summary>Everything the server wrote so far (stdout and stderr interleaved).</summary>
    public string Output => app.Output;

    /// <param name="port">Default: a free port. Pass the previous one to restart with the same origin (and so the same AppID).</param>
    public static Task<ServerProcess> StartAsync(string databasePath, int? port = null, TimeSpan? timeout = null) =>
        StartAsync(new ServerProcessOptions { DatabasePath = databasePath, Port = port, ReadyTimeout = timeout ?? TimeSpan.FromSeconds(60) });

    public static async Task<ServerProcess> StartAsync(ServerProcessOptions options)
    {
        var databasePath = Path.GetFullPath(options.DatabasePath);
        var app = await WebAppProcess.StartAsync(new WebAppProcessOptions
        {
            Dll = RepoPaths.ServerDll,
            Port = options.Port,
            WorkingDirectory = options.WorkingDirectory ?? Path.GetDirectoryName(databasePath)!,
            Arguments = [$"--ConnectionStrings:FigiAuth=Data Source={databasePath}", .. options.Arguments],
            PortArguments = options.PortArguments,
            Environment = new Dictionary<string, string?> { ["ConnectionStrings__FigiAuth"] = null },
            ReadyPath = "/health/ready",
            ReadyTimeout = options.ReadyTimeout,
        });
        return new ServerProcess(app, databasePath);
    }

    public HttpClient CreateClient() => app.CreateClient();

    /// <summary>SIGKILL of the process tree, no shutdown code runs.</summary>
    public void Kill() => app.Kill();

    public void Dispose() => app.Dispose();

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
