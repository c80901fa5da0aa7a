using System.Diagnostics;
using System.Globalization;
using FigiAuth.LoadTest;
using FigiAuth.LoadTest.Lean;

// FigiAuth server load harness: see LoadOptions.Usage and docs/PERFORMANCE.md "Server load test".
LoadOptions o;
try
{
    o = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

if (o.CalibrateOnly)
{
    Console.WriteLine(Calibration.VerifiesPerSecond(TimeSpan.FromSeconds(3)).ToString("F0", CultureInfo.InvariantCulture));
    return 0;
}

// Pin the harness itself: re-exec under taskset once (threads inherit the mask from the start).
if (!o.NoPin && o.Url is null && Environment.GetEnvironmentVariable("FIGIAUTH_LOADTEST_PINNED") is null)
{
    return SelfProcess.Run(["-c", o.HarnessCpu.ToString(CultureInfo.InvariantCulture)], args, pinnedMarker: true);
}

Console.Error.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
await using var server = await ServerProcess.StartAsync(o);
Console.Error.WriteLine($"server {server.Url} pid {server.Pid} db {server.Db}");
using var http = Phone.HttpTo(server.Url);

var enrollWatch = Stopwatch.StartNew();
var phones = await Phone.EnrollAsync(http, server.Url, o.Users, Math.Min(o.Workers, 16));
Console.Error.WriteLine($"enrolled {phones.Count} users in {enrollWatch.Elapsed.TotalSeconds:F1} s");
var journal = SqliteCheck.JournalMode(server.Db);

// (a) baseline: bare P-256 VerifyHash, one thread, on the server's core while the server is idle.
var baseline = Calibration.OnCore(o.NoPin ? null : o.ServerCpu);
Console.Error.WriteLine($"baseline P-256 verify: {baseline:F0}/s");

// Enrollment went through the SDK; the measured loops use the lean client unless --sdk-client.
using var leanClient = o.SdkClient ? null : new LeanCeremonyClient(server.Url);
var driver = new LoadDriver(phones, leanClient as ICeremonyClient ?? new SdkCeremonyClient()) { TimelinePrefix = o.Timeline };
Console.Error.WriteLine($"ceremony client: {(o.SdkClient ? "SDK (--sdk-client)" : "lean")}");
await driver.ClosedLoopAsync(o.Workers, TimeSpan.FromSeconds(o.Warmup), CancellationToken.None);

// (b) closed loop, max throughput.
var cpuBefore = server.CpuSeconds();
var harnessBefore = Process.GetCurrentProcess().TotalProcessorTime;
var harnessUserBefore = Process.GetCurrentProcess().UserProcessorTime;
var closed = await driver.ClosedLoopAsync(o.Workers, TimeSpan.FromSeconds(o.Duration), CancellationToken.None);
var cpuAfter = server.CpuSeconds();
// The harness's own share of its core: near 100 % means the harness, not the server, limited the closed loop.
var harnessShare = (Process.GetCurrentProcess().TotalProcessorTime - harnessBefore).TotalSeconds / closed.Elapsed.TotalSeconds;
var memClosed = server.Memory();
var harnessUserShare = (Process.GetCurrentProcess().UserProcessorTime - harnessUserBefore).TotalSeconds / closed.Elapsed.TotalSeconds;
Console.Error.WriteLine($"closed loop: {closed.Rate:F0}/s, errors {closed.Errors}; harness CPU {harnessShare:P0} of a core "
    + $"(user {harnessUserShare:P0}), {harnessShare * 1e6 / Math.Max(1, closed.Rate):F0} µs per ceremony");

string? fsyncs = null;
if (o.Strace && server.Pid is { } pid)
{
    fsyncs = await Strace.FsyncsPerCeremonyAsync(pid, driver, o.Workers);
    Console.Error.WriteLine($"strace: {fsyncs}");
}

// (c) open loop at fixed rates.
var goalRate = 0.25 * baseline;
var rates = o.AbsoluteRates ?? [.. o.Rates.Select(f => f * goalRate)];
var open = new List<PhaseResult>();
foreach (var rate in rates)
{
    var r = await driver.OpenLoopAsync(rate, TimeSpan.FromSeconds(o.Duration), CancellationToken.None);
    open.Add(r);
    Console.Error.WriteLine($"open loop {rate:F0}/s: achieved {r.Rate:F0}/s p99 {r.P(0.99):F2} ms errors {r.Errors}");
}

var mem = server.Memory();
var errors = closed.Errors + open.Sum(r => r.Errors);
Report.Print(new ReportData(o, baseline, closed, open, rates, mem, memClosed, errors, journal, fsyncs,
    cpuBefore is { } a && cpuAfter is { } b ? (b - a) / closed.Elapsed.TotalSeconds : null, harnessShare,
    File.ReadAllText("/proc/loadavg").Trim()));
return errors == 0 ? 0 : 1;
