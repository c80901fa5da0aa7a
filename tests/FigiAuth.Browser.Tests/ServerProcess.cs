using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FigiAuth.Browser.Tests;

/// <summary>
/// The built FigiAuth.Server.dll in Development on a temp SQLite database, bound to 127.0.0.1 on a free port and
/// browsed as http://localhost (a secure context for WebAuthn; RP ID "localhost"). Stopped in Dispose.
/// </summary>
public sealed class ServerProcess : IAsyncLifetime
{
    readonly string directory = Directory.CreateTempSubdirectory("figiauth-browser-").FullName;
    readonly System.Text.StringBuilder output = new();
    Process? process;

    public int Port { get; } = FreePort();

    public string Origin => $"http://localhost:{Port}";

    public string Output { get { lock (output) { return output.ToString(); } } }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static string ServerDll()
    {
        // tests/FigiAuth.Browser.Tests/bin/<Configuration>/net10.0 -> src/FigiAuth.Server/bin/<Configuration>/net10.0
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = here.Parent!.Name;
        var root = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "FigiAuth.Server", "bin", configuration, here.Name, "FigiAuth.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first", dll);
    }

    public async ValueTask InitializeAsync()
    {
        var dll = ServerDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     dll, "--urls", $"http://127.0.0.1:{Port}", "--environment", "Development",
                     $"--ConnectionStrings:FigiAuth=Data Source={Path.Combine(directory, "figiauth.db")}",
                     $"--FigiAuth:PublicOrigin={Origin}",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{Port}/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The server did not become ready:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean
        }
    }
}
