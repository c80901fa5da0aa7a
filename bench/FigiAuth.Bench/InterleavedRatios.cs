using System.Diagnostics;

namespace FigiAuth.Bench;

/// <summary>
/// <c>--ratios</c>: the goal ratios measured by interleaving the operations round by round (each round
/// times a few calls of every operation), then taking each operation's median over the rounds. On a
/// shared, loaded machine this keeps the load the operations see alike, which BenchmarkDotNet's
/// one-benchmark-after-another runs cannot; it complements, not replaces, the BenchmarkDotNet tables.
/// </summary>
internal static class InterleavedRatios
{
    public static void Run(int rounds)
    {
        var auth = new AuthenticationBenchmarks();
        auth.Setup();
        var reg = new RegistrationBenchmarks();
        reg.Setup();
        var operations = new (string Name, Func<bool> Run)[]
        {
            ("BareVerifyHash", auth.BareVerifyHash),
            ("BareVerifyData", auth.BareVerifyData),
            ("AuthVerify, key cached", auth.AuthenticationResponseVerify_KeyCached),
            ("AuthVerify, key imported", auth.AuthenticationResponseVerify_KeyImported),
            ("KeyImport", () => { auth.KeyImport(); return true; }),
            ("ChainBuild", reg.ChainBuild),
            ("RegVerify, basic full", reg.RegistrationVerify_BasicFull),
            ("RegVerify, surrogate", reg.RegistrationVerify_Surrogate),
            ("LoadCertificate", reg.LoadCertificate),
            ("AttestationVerify", reg.AttestationVerify),
            ("RegVerify, basic full, caches cold", reg.RegistrationVerify_BasicFull_Cold),
        };
        var median = Medians(operations, rounds, out var p25);
        Console.WriteLine($"Goal 1: AuthVerify (key cached) / BareVerifyHash = {median[2] / median[0]:F2} (goal <= 1.30); "
            + $"25th percentiles: {p25[2] / p25[0]:F2}");
        Console.WriteLine($"        AuthVerify (key imported) / BareVerifyHash = {median[3] / median[0]:F2}; KeyImport / BareVerifyHash = {median[4] / median[0]:F2}");
        var budget = 2.6 * median[0] + median[5];
        Console.WriteLine($"Goal 2: RegVerify basic full = {median[6]:F1} us vs 2.6 x verify + chain build = {budget:F1} us "
            + $"(25th percentiles: {p25[6]:F1} us vs {2.6 * p25[0] + p25[5]:F1} us): "
            + $"({median[6] - median[5]:F1} us beyond the chain build = {(median[6] - median[5]) / median[0]:F2} x verify; goal <= 2.60)");
        Console.WriteLine($"        first registration of a model (attestation caches cold) = {median[10]:F1} us: "
            + $"{(median[10] - median[5]) / median[0]:F2} x verify beyond the chain build");
    }

    private const int CallsPerRound = 8;

    /// <summary>Each operation's median time per call (µs), the operations interleaved round by round after three warm-up rounds.</summary>
    public static double[] Medians(IReadOnlyList<(string Name, Func<bool> Run)> operations, int rounds) =>
        Medians(operations, rounds, out _);

    /// <summary>
    /// As above, with each operation's 25th percentile too: on a loaded machine a round is sometimes
    /// descheduled, more often the longer it runs, which the median of a long operation feels more.
    /// </summary>
    public static double[] Medians(IReadOnlyList<(string Name, Func<bool> Run)> operations, int rounds, out double[] p25)
    {
        var samples = operations.Select(_ => new List<double>()).ToArray();
        for (var round = -3; round < rounds; round++)
        {
            for (var i = 0; i < operations.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                for (var n = 0; n < CallsPerRound; n++)
                    operations[i].Run();
                if (round >= 0)
                    samples[i].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / CallsPerRound);
            }
        }
        var medians = samples.Select(Median).ToArray();
        p25 = samples.Select(s => s[s.Count / 4]).ToArray(); // sorted by Median
        Console.WriteLine($"Interleaved medians over {rounds} rounds x {CallsPerRound} calls (us per call):");
        for (var i = 0; i < operations.Count; i++)
            Console.WriteLine($"  {operations[i].Name,-38} {medians[i],10:F2} us   {medians[i] / medians[0],6:F2} x {operations[0].Name}   (p25 {p25[i],9:F2} us {p25[i] / p25[0],6:F2} x)");
        return medians;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
