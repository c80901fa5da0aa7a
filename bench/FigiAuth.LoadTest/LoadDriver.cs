using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace FigiAuth.LoadTest;

/// <summary>One measured phase: completed ceremonies, errors, and per-ceremony latencies (ms, sorted).</summary>
internal sealed record PhaseResult(string Name, long Completed, long Errors, TimeSpan Elapsed, double[] LatenciesMs,
    double[] ServiceMs, double TargetRate, string? FirstError, long WaitedForUser = 0)
{
    public double Rate => Completed / Elapsed.TotalSeconds;

    /// <summary>Quantile of the latencies (nearest rank over all samples).</summary>
    public double P(double q) => Quantile(LatenciesMs, q);

    public double Service(double q) => Quantile(ServiceMs, q);

    static double Quantile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>
/// Drives authentications. A phone is used by one ceremony at a time (its sign counter must reach the server in
/// order), so phones are leased from a queue; with more phones than concurrent ceremonies nobody waits. When the server
/// falls so far behind that every user is in a ceremony, the next one waits for a free user: in the open loop that
/// wait counts in its latency (from the scheduled start) and the phase reports how many waited.
/// The ceremony itself is the <paramref name="client"/>'s: the lean one or the SDK.
/// </summary>
internal sealed class LoadDriver(IReadOnlyList<Phone> phones, ICeremonyClient client)
{
    readonly ConcurrentQueue<Phone> idle = new(phones);
    readonly SemaphoreSlim free = new(phones.Count);
    long waitedForUser;

    /// <summary>When set, each open loop writes its ceremonies in schedule order to PREFIX-RATE.csv (--timeline).</summary>
    public string? TimelinePrefix { get; init; }

    /// <summary>(b) C workers back to back for <paramref name="duration"/>.</summary>
    public async Task<PhaseResult> ClosedLoopAsync(int workers, TimeSpan duration, CancellationToken ct)
    {
        var samples = new ConcurrentBag<double[]>();
        long completed = 0, errors = 0;
        string? firstError = null;
        var watch = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>(1 << 16);
            while (watch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var (ok, error, _) = await OneAsync(ct);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (ok)
                {
                    Interlocked.Increment(ref completed);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }

            samples.Add([.. mine]);
        }, ct)).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = watch.Elapsed;
        var all = samples.SelectMany(s => s).Order().ToArray();
        return new PhaseResult($"closed {workers}", completed, errors, elapsed, all, all, double.NaN, firstError);
    }

    /// <summary>
    /// (c) Open loop: ceremony i starts at t0 + i/rate whether or not earlier ones finished. Latency counts from the
    /// scheduled start (no coordinated omission); service time from the actual start. One dispatcher thread sleeps
    /// until the next due time and then starts every ceremony whose time has come; each runs on the dispatcher up to
    /// its first wait for the server and continues wherever that I/O completes (no thread or thread-pool hop of its own).
    /// </summary>
    public async Task<PhaseResult> OpenLoopAsync(double rate, TimeSpan duration, CancellationToken ct)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var waitedBefore = Interlocked.Read(ref waitedForUser);
        var latencies = new double[total];
        var service = new double[total];
        var outcomes = new Task[total];
        long completed = 0, errors = 0;
        string? firstError = null;
        var t0 = Stopwatch.GetTimestamp();
        var ticksPerCeremony = Stopwatch.Frequency / rate;
        long Due(int i) => t0 + (long)(i * ticksPerCeremony);

        async Task RunAsync(int index, long due)
        {
            var (ok, error, started) = await OneAsync(ct);
            var end = Stopwatch.GetTimestamp();
            latencies[index] = Stopwatch.GetElapsedTime(due, end).TotalMilliseconds;
            service[index] = Stopwatch.GetElapsedTime(started, end).TotalMilliseconds;
            if (ok)
            {
                Interlocked.Increment(ref completed);
            }
            else
            {
                Interlocked.Increment(ref errors);
                Interlocked.CompareExchange(ref firstError, error, null);
            }
        }

        // Awaited, not joined: with inline socket completions this method may be running on the epoll thread, and
        // blocking it would hold up every ceremony's I/O until the dispatcher is done.
        var dispatched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dispatcher = new Thread(() =>
        {
            var next = 0;
            while (next < total)
            {
                DueTimeSleeper.SleepUntil(Due(next));
                for (var now = Stopwatch.GetTimestamp(); next < total && Due(next) <= now; next++)
                {
                    outcomes[next] = RunAsync(next, Due(next));
                }
            }

            dispatched.SetResult();
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal, Name = "open-loop dispatcher" };
        dispatcher.Start();
        await dispatched.Task;
        await Task.WhenAll(outcomes);
        var elapsed = Stopwatch.GetElapsedTime(t0);
        if (TimelinePrefix is { } prefix)
        {
            File.WriteAllLines(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{rate:F0}.csv"), Enumerable.Range(0, total)
                .Select(i => string.Create(CultureInfo.InvariantCulture, $"{i * 1000.0 / rate:F3},{latencies[i]:F3},{service[i]:F3}")));
        }

        Array.Sort(latencies);
        Array.Sort(service);
        return new PhaseResult($"open {rate:F0}/s", completed, errors, elapsed, latencies, service, rate, firstError,
            Interlocked.Read(ref waitedForUser) - waitedBefore);
    }

    /// <summary>One ceremony; <c>Started</c> is when it got its user (the service time counts from there).</summary>
    async Task<(bool Ok, string? Error, long Started)> OneAsync(CancellationToken ct)
    {
        if (!free.Wait(0))
        {
            Interlocked.Increment(ref waitedForUser);
            await free.WaitAsync(ct);
        }

        // A permit is only released after its phone is back, so one is there.
        idle.TryDequeue(out var phone);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await client.AuthenticateAsync(phone!, ct) is { } error ? (false, $"{phone!.Username}: {error}", started) : (true, null, started);
        }
        catch (Exception e)
        {
            return (false, $"{phone!.Username}: {e.GetType().Name}: {e.Message}", started);
        }
        finally
        {
            idle.Enqueue(phone!);
            free.Release();
        }
    }
}
