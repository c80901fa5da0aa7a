using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace FigiAuth.LoadTest;

/// <summary>The baseline: bare P-256 ECDsa.VerifyHash per second on one thread (key imported once, one valid signature).</summary>
internal static class Calibration
{
    public static double VerifiesPerSecond(TimeSpan duration)
    {
        using var signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var hash = SHA256.HashData("FigiAuth load harness calibration"u8);
        var signature = signer.SignHash(hash);
        using var verifier = ECDsa.Create(signer.ExportParameters(false));
        for (var i = 0; i < 2000; i++)
        {
            verifier.VerifyHash(hash, signature);
        }

        var watch = Stopwatch.StartNew();
        long n = 0;
        while (watch.Elapsed < duration)
        {
            for (var i = 0; i < 500; i++)
            {
                if (!verifier.VerifyHash(hash, signature))
                {
                    throw new InvalidOperationException("calibration signature did not verify");
                }
            }

            n += 500;
        }

        return n / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Runs the calibration in a child process pinned to <paramref name="cpu"/> (or unpinned) and reads its rate.</summary>
    public static double OnCore(int? cpu)
    {
        var output = SelfProcess.Capture(cpu is { } c ? ["-c", c.ToString(CultureInfo.InvariantCulture)] : null, ["--calibrate"]);
        return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}

/// <summary>Starts this harness again, optionally under <c>taskset</c>.</summary>
internal static class SelfProcess
{
    static ProcessStartInfo Info(string[]? taskset, string[] args)
    {
        var exe = Environment.ProcessPath!;
        var self = typeof(SelfProcess).Assembly.Location;
        var viaDotnet = Path.GetFileNameWithoutExtension(exe) == "dotnet";
        var info = new ProcessStartInfo(taskset is null ? exe : "taskset") { UseShellExecute = false };
        foreach (var a in taskset ?? [])
        {
            info.ArgumentList.Add(a);
        }

        if (taskset is not null)
        {
            info.ArgumentList.Add(exe);
        }

        if (viaDotnet)
        {
            info.ArgumentList.Add(self);
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return info;
    }

    public static int Run(string[] taskset, string[] args, bool pinnedMarker)
    {
        var info = Info(taskset, args);
        if (pinnedMarker)
        {
            info.Environment["FIGIAUTH_LOADTEST_PINNED"] = "1";
            // Socket completions run their continuation on the epoll thread instead of queueing it to the thread
            // pool: on the one core the harness has, that hop is pure overhead (a wake-up and a context switch).
            info.Environment.TryAdd("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
        }

        using var p = Process.Start(info)!;
        p.WaitForExit();
        return p.ExitCode;
    }

    public static string Capture(string[]? taskset, string[] args)
    {
        var info = Info(taskset, args);
        info.RedirectStandardOutput = true;
        using var p = Process.Start(info)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? text : throw new InvalidOperationException($"calibration exited with {p.ExitCode}");
    }
}
