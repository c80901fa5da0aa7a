using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FigiAuth.Testing.Support;

/// <summary>
/// A built web app of the solution (the server, a sample) as a real process: <c>dotnet {dll} --urls
/// http://127.0.0.1:{port} {arguments}</c> in Development. It binds 127.0.0.1 only and is ready when its own log says
/// <c>Now listening on: {origin}</c> and <see cref="WebAppProcessOptions.ReadyPath"/> answers 2xx. Its stdout and
/// stderr are kept in <see cref="Output"/>. <see cref="Kill"/> is a <c>kill -9</c> of the whole process tree; Dispose
/// does the same.
/// </summary>
public sealed class WebAppProcess : IDisposable, IAsyncDisposable
{
    readonly Process process;
    readonly StringBuilder output = new();
    readonly string name;
    bool disposed;

    WebAppProcess(Process process, Uri origin, string name)
    {
        this.process = process;
        this.name = name;
        Origin = origin;
    }

    /// <summary>The listening origin, <c>http://127.0.0.1:{port}</c>.</summary>
    public Uri Origin { get; }

    public int Port => Origin.Port;

    public bool HasExited => disposed || process.HasExited;

    /// <summary>Everything the app wrote so far (stdout and stderr interleaved).</summary>
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

    public static async Task<WebAppProcess> StartAsync(WebAppProcessOptions options)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return options.Port is { } port
                    ? await StartOnceAsync(options, port)
                    : await OnFreePortAsync(free => StartOnceAsync(options, free));
            }
            catch (WebAppExitedException e) when (e.ExitCode is 137 or 143 && attempt == 1)
            {
                // Killed by a signal before it was ready (SIGKILL/SIGTERM from outside, e.g. a shared CI machine
                // cleaning up): one more try; an app that crashes by itself fails the first time.
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="start"/> with a free loopback port and, when what it started could not bind that port,
    /// again with another one (up to 5 times). <see cref="FreePort"/> releases the port before the app binds it, and
    /// another process (a parallel test, an outgoing connection) may take it meanwhile; the app then never ran. Use it
    /// directly for apps that are started together because one's configuration names the other's port.
    /// </summary>
    public static async Task<T> OnFreePortAsync<T>(Func<int, Task<T>> start)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start(FreePort());
            }
            catch (WebAppExitedException e) when (e.AddressInUse && attempt < 5)
            {
                // taken before the bind: start again on another free port
            }
        }
    }

    static async Task<WebAppProcess> StartOnceAsync(WebAppProcessOptions options, int port)
    {
        var origin = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = options.WorkingDirectory ?? Path.GetDirectoryName(options.Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(options.Dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(origin.ToString().TrimEnd('/'));
        foreach (var argument in options.Arguments.Concat(options.PortArguments?.Invoke(port) ?? []))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("DOTNET_URLS");
        foreach (var (variable, value) in options.Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(variable);
            }
            else
            {
                start.Environment[variable] = value;
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new WebAppProcess(process, origin, Path.GetFileNameWithoutExtension(options.Dll));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitReadyAsync(options.ReadyPath, options.ReadyTimeout);
        }
        catch
        {
            app.Dispose();
            throw;
        }

        return app;
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
    /// Ready when this process logged that it listens on <see cref="Origin"/> and <paramref name="readyPath"/> answers
    /// 2xx. The log line comes first: until this process has bound the port, another process holding it (the port was
    /// taken between <see cref="FreePort"/> and the bind) would answer in its place.
    /// </summary>
    async Task WaitReadyAsync(string readyPath, TimeSpan timeout)
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
                throw new WebAppExitedException(process.ExitCode, $"{name} exited with {process.ExitCode} before it was ready:\n{Output}");
            }

            if (!Output.Contains(listening, StringComparison.Ordinal))
            {
                await Task.Delay(200);
                continue;
            }

            try
            {
                if ((await client.GetAsync(new Uri(Origin, readyPath))).IsSuccessStatusCode)
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

        throw new TimeoutException($"{name} at {Origin} was not ready (\"{listening}\" logged and {readyPath} 2xx) within {timeout}:\n{Output}");
    }
}
