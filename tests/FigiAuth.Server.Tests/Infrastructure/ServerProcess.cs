using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FigiAuth.Server.Tests.Infrastructure;

/// <summary>
/// The built server as a real process: <c>dotnet FigiAuth.Server.dll --urls http://127.0.0.1:{free port}</c> in
/// Development on the given SQLite file; ready when /health/ready answers 200. It binds 127.0.0.1 only.
/// <see cref="Kill"/> is a <c>kill -9</c> of the whole tree; Dispose does the same.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    readonly Process process;

    ServerProcess(Process process, Uri origin)
    {
        this.process = process;
        Origin = origin;
    }

    public Uri Origin { get; }

    /// <param name="port">Default: a free port. Pass the previous one to restart with the same origin (and so the same AppID).</param>
    public static async Task<ServerProcess> StartAsync(string databasePath, int? port = null, TimeSpan? timeout = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "FigiAuth.Server.dll");
        port ??= FreePort();
        var origin = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(databasePath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(origin.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__FigiAuth"] = $"Data Source={databasePath}";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("DOTNET_URLS");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, origin);
        await server.WaitReadyAsync(timeout ?? TimeSpan.FromSeconds(60));
        return server;
    }

    public HttpClient CreateClient() => new() { BaseAddress = Origin, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL, no shutdown code runs.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {process.ExitCode} before it was ready");
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
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        Kill();
        throw new TimeoutException($"the server at {Origin} was not ready within {timeout}");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
