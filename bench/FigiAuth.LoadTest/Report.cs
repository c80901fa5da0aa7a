using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FigiAuth.LoadTest;

internal sealed record ReportData(LoadOptions Options, double Baseline, PhaseResult Closed, IReadOnlyList<PhaseResult> Open,
    IReadOnlyList<double> Rates, (double? Rss, double? Hwm) Memory, (double? Rss, double? Hwm) MemoryAfterClosed, long Errors,
    string Journal, string? Fsyncs, double? ServerCpuShare, double HarnessCpuShare, string LoadAverage);

/// <summary>Prints the results as a markdown table (stdout).</summary>
internal static class Report
{
    public static void Print(ReportData d)
    {
        var inv = CultureInfo.InvariantCulture;
        var ratio = d.Closed.Rate / d.Baseline;
        Console.WriteLine(string.Create(inv, $"""

            | measure | value | goal |
            | --- | --- | --- |
            | baseline: bare P-256 VerifyHash, 1 thread, server core | {d.Baseline:F0}/s | |
            | max authentications/s (closed loop, {d.Options.Workers} workers, {d.Options.Duration:F0} s) | {d.Closed.Rate:F0}/s | >= {0.25 * d.Baseline:F0}/s |
            | ratio vs baseline | {ratio:F3} | >= 0.25 (stretch 0.40) |
            | closed-loop latency p50 / p99 / max | {d.Closed.P(0.5):F2} / {d.Closed.P(0.99):F2} / {d.Closed.P(1):F2} ms | |
            | server CPU during the closed loop | {Pct(d.ServerCpuShare)} of one core | |
            | harness CPU during the closed loop | {Pct(d.HarnessCpuShare)} of one core | |
            """));
        for (var i = 0; i < d.Open.Count; i++)
        {
            var r = d.Open[i];
            var goal = d.Rates[i] <= 0.1 * 0.25 * d.Baseline * 1.01 ? "p99 < 2 ms" : d.Rates[i] <= 0.5 * 0.25 * d.Baseline * 1.01 ? "p99 < 10 ms" : "";
            Console.WriteLine(string.Create(inv,
                $"| open loop {d.Rates[i]:F0}/s ({d.Rates[i] / d.Baseline:P1} of baseline): achieved, p50 / p90 / p99 / max | {r.Rate:F0}/s, {r.P(0.5):F2} / {r.P(0.9):F2} / {r.P(0.99):F2} / {r.P(1):F2} ms (service p99 {r.Service(0.99):F2} ms){Waited(r)} | {goal} |"));
        }

        Console.WriteLine(string.Create(inv, $"""
            | server VmRSS / VmHWM after closed loop | {Mib(d.MemoryAfterClosed.Rss)} / {Mib(d.MemoryAfterClosed.Hwm)} | < 300 MB |
            | server VmRSS / VmHWM at the end | {Mib(d.Memory.Rss)} / {Mib(d.Memory.Hwm)} | < 300 MB |
            | errors (all phases) | {d.Errors} | 0 |
            | SQLite journal (file header) | {d.Journal} | WAL |
            | fsync+fdatasync per authentication (strace) | {d.Fsyncs ?? "not measured (--strace)"} | |
            | load average at the end | {d.LoadAverage} | |

            users {d.Options.Users}, workers {d.Options.Workers}, duration {d.Options.Duration} s, server cpu {(d.Options.NoPin ? "unpinned" : d.Options.ServerCpu.ToString(inv))}, harness cpu {(d.Options.NoPin ? "unpinned" : d.Options.HarnessCpu.ToString(inv))}
            """));
        foreach (var r in new[] { d.Closed }.Concat(d.Open).Where(r => r.FirstError is not null))
        {
            Console.WriteLine($"first error in {r.Name}: {r.FirstError}");
        }
    }

    static string Mib(double? v) => v is { } x ? string.Create(CultureInfo.InvariantCulture, $"{x:F0} MiB") : "n/a";

    /// <summary>Ceremonies that found every user busy and waited for one (their latency includes the wait).</summary>
    static string Waited(PhaseResult r) => r.WaitedForUser == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
        $"; {r.WaitedForUser} waited for a free user");

    static string Pct(double? v) => v is { } x ? string.Create(CultureInfo.InvariantCulture, $"{x:P0}") : "n/a";
}

/// <summary>The journal mode from the database file header (bytes 18/19: 1 legacy, 2 WAL).</summary>
internal static class SqliteCheck
{
    public static string JournalMode(string? db)
    {
        if (db is null || !File.Exists(db))
        {
            return "n/a";
        }

        using var f = new FileStream(db, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var header = new byte[20];
        f.ReadExactly(header);
        return header[18] == 2 && header[19] == 2 ? "WAL" : $"not WAL ({header[18]}/{header[19]})";
    }
}

/// <summary>fsync/fdatasync calls of the server per authentication, counted by <c>strace -f -c</c> over a 3 s closed loop.</summary>
internal static partial class Strace
{
    public static async Task<string> FsyncsPerCeremonyAsync(int pid, LoadDriver driver, int workers)
    {
        var info = new ProcessStartInfo("strace", ["-f", "-c", "-e", "trace=fsync,fdatasync", "-p", pid.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var strace = Process.Start(info)!;
        var output = strace.StandardError.ReadToEndAsync();
        await Task.Delay(1000);
        var run = await driver.ClosedLoopAsync(workers, TimeSpan.FromSeconds(3), CancellationToken.None);
        await Task.Delay(200);
        // SIGINT makes strace detach and print its summary.
        _ = Process.Start("kill", ["-INT", strace.Id.ToString(CultureInfo.InvariantCulture)])!;
        await strace.WaitForExitAsync();
        var text = await output;
        var calls = 0L;
        foreach (Match m in SyscallLine().Matches(text))
        {
            calls += long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var total = run.Completed + run.Errors;
        return string.Create(CultureInfo.InvariantCulture, $"{(double)calls / Math.Max(1, total):F2} ({calls} over {total} ceremonies, traced)");
    }

    [GeneratedRegex(@"^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(?:fsync|fdatasync)\s*$", RegexOptions.Multiline)]
    private static partial Regex SyscallLine();
}
