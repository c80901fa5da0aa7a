using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FigiAuth.Browser.Tests;

/// <summary>
/// A built app DLL of this repository (the server, a sample) run with `dotnet` as a real child process: output captured,
/// ready when a URL answers 2xx, the whole process tree killed in Dispose. Also runs short-lived tools (the phone CLI).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    readonly StringBuilder output = new();
    readonly Process process;

    AppProcess(Process process) => this.process = process;

    public string Output { get { lock (output) { return output.ToString(); } } }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The built DLL of a project of this repository, in the same configuration as these tests:
    /// tests/FigiAuth.Browser.Tests/bin/&lt;Configuration&gt;/net10.0 -> &lt;project&gt;/bin/&lt;Configuration&gt;/net10.0/&lt;dll&gt;.
    /// </summary>
    public static string BuiltDll(string project, string dll)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = here.Parent!.Name;
        var root = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, project, "bin", configuration, here.Name, dll);
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first", path);
    }

    static ProcessStartInfo StartInfo(string dll, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment.Remove("ASPNETCORE_URLS");
        return start;
    }

    /// <summary>Starts a web app and waits (up to 60 s) until <paramref name="readyUrl"/> answers 2xx.</summary>
    public static async Task<AppProcess> StartAsync(string dll, IEnumerable<string> args, string readyUrl)
    {
        var app = new AppProcess(Process.Start(StartInfo(dll, args))!);
        app.process.OutputDataReceived += (_, e) => { lock (app.output) { app.output.AppendLine(e.Data); } };
        app.process.ErrorDataReceived += (_, e) => { lock (app.output) { app.output.AppendLine(e.Data); } };
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        app.process.StandardInput.Close();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (app.process.HasExited)
            {
                var exit = app.process.ExitCode;
                await app.DisposeAsync();
                throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {exit}:\n{app.Output}");
            }

            try
            {
                if ((await http.GetAsync(readyUrl)).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        var log = app.Output;
        await app.DisposeAsync();
        throw new TimeoutException($"{Path.GetFileName(dll)} did not answer {readyUrl}:\n{log}");
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
    }

    /// <summary>Runs a command-line tool to its end (no standard input; killed after <paramref name="timeout"/>).</summary>
    public static async Task<Result> RunAsync(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = StartInfo(dll, args);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(dll)} {string.Join(' ', args)} did not finish in {timeout}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        process.Dispose();
    }
}
