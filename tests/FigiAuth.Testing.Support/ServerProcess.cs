using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FigiAuth.Testing.Support;

/// <summary>
/// The built server as a real process: <c>dotnet FigiAuth.Server.dll --urls http://127.0.0.1:{port}
/// --ConnectionStrings:FigiAuth=Data Source={db}</c> in Development. It binds 127.0.0.1 only and is ready when
/// /health/ready answers 200. Its stdout and stderr are kept in <see cref="Output"/>. <see cref="Kill"/> is a
/// <c>kill -9</c> of the whole process tree; Dispose does the same.
/// </summary>
public sealed class ServerProcess : IDisposable, IAsyncDisposable
{
    readonly Process process;
    readonly StringBuilder output = new();
    bool disposed;

    ServerProcess(Process process, Uri origin, string databasePath)
    {
        this.process = process;
        Origin = origin;
        DatabasePath = databasePath;
    }

    /// <summary>The listening origin, <c>http://127.0.0.1:{port}</c>.</summary>
    public Uri Origin { get; }

    public int Port => Origin.Port;

    public string DatabasePath { get; }

    public string ConnectionString => $"Data Source={DatabasePath}";

    public bool HasExited => disposed || process.HasExited;

    /// <summary>Everything the server wrote so far (stdout and stderr interleaved).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <param name="port">Default: a free port. Pass the previous one to restart with the same origin (and so the same AppID).</param>
    public static Task<ServerProcess> StartAsync(string databasePath, int? port = null, TimeSpan? timeout = null) =>
        StartAsync(new ServerProcessOptions { DatabasePath = databasePath, Port = port, ReadyTimeout = timeout ?? TimeSpan.FromSeconds(60) });

    public static async Task<ServerProcess> StartAsync(ServerProcessOptions options)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(options);
            }
            catch (ServerExitedException e) when (e.ExitCode is 137 or 143 && attempt == 1)
            {
                // Killed by a signal before it was ready (SIGKILL/SIGTERM from outside, e.g. a shared CI machine
                // cleaning up): one more try; a server that crashes by itself fails the first time.
            }
            catch (ServerExitedException e) when (e.AddressInUse && options.Port is null && attempt < 5)
            {
                // FreePort() released the port before the server bound it, and another process (a parallel test,
                // an outgoing connection) took it meanwhile: the server never ran, so start it on another free port.
            }
        }
    }

    static async Task<ServerProcess> StartOnceAsync(ServerProcessOptions options)
    {
        var dll = RepoPaths.ServerDll;
        var origin = new Uri($"http://127.0.0.1:{options.Port ?? FreePort()}");
        var databasePath = Path.GetFullPath(options.DatabasePath);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = options.WorkingDirectory ?? Path.GetDirectoryName(databasePath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(origin.ToString().TrimEnd('/'));
        start.ArgumentList.Add($"--ConnectionStrings:FigiAuth=Data Source={databasePath}");
        foreach (var argument in options.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("DOTNET_URLS");
        start.Environment.Remove("ConnectionStrings__FigiAuth");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ServerProcess(process, origin, databasePath);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync(options.ReadyTimeout);
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    public HttpClient CreateClient() => new() { BaseAddress = Origin, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL of the process tree, no shutdown code runs.</summary>
    public void Kill()
    {
        if (disposed)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // exited meanwhile
        }

        process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        disposed = true;
        process.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A free loopback port (free when asked; another process may take it before use).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>
    /// Ready when this process logged that it listens on <see cref="Origin"/> and /health/ready answers 200. The log
    /// line comes first: until this process has bound the port, another process holding it (the port was taken
    /// between <see cref="FreePort"/> and the bind) would answer /health/ready in its place.
    /// </summary>
    async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var listening = $"Now listening on: {Origin.ToString().TrimEnd('/')}";
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                // Let the asynchronous output readers catch up, so the exception carries the whole log.
                process.WaitForExit();
                throw new ServerExitedException(process.ExitCode, $"the server exited with {process.ExitCode} before it was ready:\n{Output}");
            }

            if (!Output.Contains(listening, StringComparison.Ordinal))
            {
                await Task.Delay(200);
                continue;
            }

            try
            {
                if ((await client.GetAsync(new Uri(Origin, "/health/ready"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the server at {Origin} was not ready (\"{listening}\" logged and /health/ready 200) within {timeout}:\n{Output}");
    }
}

/// <summary>How to start a <see cref="ServerProcess"/>.</summary>
public sealed class ServerProcessOptions
{
    public required string DatabasePath { get; init; }

    /// <summary>Default: a free loopback port.</summary>
    public int? Port { get; init; }

    /// <summary>Default: the database's folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>More command-line arguments, e.g. <c>--FigiAuth:Uaf:MetadataPath=…</c>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>The server process ended before /health/ready answered.</summary>
public sealed class ServerExitedException(int exitCode, string message) : InvalidOperationException(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>Kestrel could not bind the port: another process holds it.</summary>
    public bool AddressInUse => Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
}
