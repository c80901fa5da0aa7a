using System.Diagnostics;
using System.Globalization;

namespace FigiAuth.LoadTest;

/// <summary>
/// The server under test: <c>taskset -c N dotnet FigiAuth.Server.dll --urls http://127.0.0.1:port</c> in Development
/// (OpenEnrollment) on a durable SQLite file (the server's own pragmas: WAL, synchronous=FULL), logging at Warning,
/// rate limits out of the way. Or an already running server (<c>--url</c>).
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    readonly Process? process;
    readonly string? ownedDb;

    ServerProcess(Uri url, Process? process, int? pid, string? db, string? ownedDb)
    {
        Url = url;
        this.process = process;
        Pid = pid;
        Db = db;
        this.ownedDb = ownedDb;
    }

    public Uri Url { get; }
    public int? Pid { get; }
    public string? Db { get; }

    public static async Task<ServerProcess> StartAsync(LoadOptions o)
    {
        if (o.Url is not null)
        {
            var running = new ServerProcess(new Uri(o.Url), null, o.ServerPid, o.Db, null);
            await running.WaitReadyAsync(TimeSpan.FromSeconds(30));
            return running;
        }

        var dll = Path.GetFullPath(o.ServerDll ?? FindServerDll());
        var owned = o.Db is null;
        var db = o.Db ?? Path.Combine(Path.GetTempPath(), $"figiauth-load-{Environment.ProcessId}.db");
        var url = $"http://127.0.0.1:{o.Port.ToString(CultureInfo.InvariantCulture)}";
        var info = new ProcessStartInfo(o.NoPin ? "dotnet" : "taskset")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!o.NoPin)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(o.ServerCpu.ToString(CultureInfo.InvariantCulture));
            info.ArgumentList.Add("dotnet");
        }

        foreach (var a in new[] { dll, "--urls", url })
        {
            info.ArgumentList.Add(a);
        }

        var env = info.Environment;
        // The server runs with its own runtime settings, not the ones the harness gave itself (inline socket completions).
        env.Remove("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS");
        env.Remove("FIGIAUTH_LOADTEST_PINNED");
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["DOTNET_ENVIRONMENT"] = "Development";
        env["ConnectionStrings__FigiAuth"] = $"Data Source={db}";
        env["FigiAuth__PublicOrigin"] = url;
        env["FigiAuth__RateLimits__PerIpPermitLimit"] = "100000000";
        env["FigiAuth__RateLimits__PerUserPermitLimit"] = "100000000";
        env["Serilog__MinimumLevel__Default"] = "Warning";
        env["Serilog__MinimumLevel__Override__Microsoft.AspNetCore"] = "Warning";
        env["Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore"] = "Warning";
        var p = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        _ = DrainAsync(p.StandardOutput, "server");
        _ = DrainAsync(p.StandardError, "server!");
        // taskset execs dotnet in place, so the pid is the server's.
        var server = new ServerProcess(new Uri(url), p, p.Id, db, owned ? db : null);
        await server.WaitReadyAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    static async Task DrainAsync(StreamReader reader, string prefix)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            Console.Error.WriteLine($"[{prefix}] {line}");
        }
    }

    static string FindServerDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var config in new[] { "Release", "Debug" })
            {
                var candidate = Path.Combine(dir.FullName, "src", "FigiAuth.Server", "bin", config, "net10.0", "FigiAuth.Server.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("FigiAuth.Server.dll not found: build the server or pass --server-dll");
    }

    async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"the server exited with {process.ExitCode}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
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

        throw new TimeoutException("the server did not become ready");
    }

    /// <summary>VmRSS and VmHWM in MiB from /proc/PID/status, or nulls without a pid.</summary>
    public (double? Rss, double? Hwm) Memory()
    {
        if (Pid is not { } pid || !File.Exists($"/proc/{pid}/status"))
        {
            return (null, null);
        }

        double? rss = null, hwm = null;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kib(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kib(line) / 1024.0;
            }
        }

        return (rss, hwm);
    }

    /// <summary>User + system CPU seconds of the server so far (/proc/PID/stat), or null.</summary>
    public double? CpuSeconds()
    {
        if (Pid is not { } pid || !File.Exists($"/proc/{pid}/stat"))
        {
            return null;
        }

        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is state (field 3); utime is field 14, stime field 15.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    static long Kib(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        if (ownedDb is not null)
        {
            foreach (var f in new[] { ownedDb, ownedDb + "-wal", ownedDb + "-shm" })
            {
                File.Delete(f);
            }
        }
    }
}
