using System.Globalization;

namespace FigiAuth.Uaf.Tests.Fuzz;

/// <summary>
/// Seeded fuzz loop. The seed is fixed (<see cref="DefaultSeed"/>) so CI is reproducible; the
/// FIGIAUTH_FUZZ_SEED environment variable overrides it, and FIGIAUTH_FUZZ_SCALE multiplies every
/// target's input count for longer local runs. A failure names the target, seed, input index and the
/// input in base64, which is enough to replay it.
/// </summary>
public static class FuzzRun
{
    public const int DefaultSeed = 0x0F1A_2026;

    public static int Seed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("FIGIAUTH_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : DefaultSeed;

    public static int Scale { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("FIGIAUTH_FUZZ_SCALE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var scale) && scale > 0
            ? scale
            : 1;

    /// <summary>One generator per target, derived from the seed and the target's name.</summary>
    public static Random RandomFor(string target) => new(Seed ^ StableHash(target));

    /// <summary>
    /// Runs <paramref name="count"/> inputs from <paramref name="next"/> through <paramref name="target"/>;
    /// <paramref name="allowed"/> says which exceptions are an expected outcome. Returns the inputs run.
    /// </summary>
    public static int Run<TInput>(
        string name, int count, Func<int, TInput> next, Action<TInput> target,
        Func<Exception, bool> allowed, Func<TInput, string> describe, AllocationBound? bound = null)
    {
        var ran = 0;
        for (var i = 0; i < count; i++)
        {
            var input = next(i);
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                target(input);
            }
            catch (Exception e) when (!allowed(e))
            {
                Assert.Fail($"fuzz target {name}, seed {Seed} (FIGIAUTH_FUZZ_SEED), input #{i} escaped {e.GetType().Name}: {e.Message}\n"
                    + $"input: {describe(input)}\n{e}");
            }
            catch (Exception)
            {
                // an allowed, typed failure
            }
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            bound?.Check(name, i, allocated, () => describe(input), input is byte[] bytes ? bytes.Length : 0);
            ran++;
        }
        return ran;
    }

    public static string Base64(byte[] input) => Convert.ToBase64String(input);

    public static string Base64(string input) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(input));

    public static bool FormatFailure(Exception e) => e is UafFormatException;

    public static bool Nothing(Exception e) => false;

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
            hash = unchecked(hash * 31 + c);
        return hash;
    }
}

/// <summary>
/// Bytes a parse may allocate for an input of n bytes: <c>PerInputByte × n + Fixed</c>. Tracks the
/// largest allocation seen so the test can report how close the real cost comes.
/// </summary>
public sealed class AllocationBound(int perInputByte, int @fixed)
{
    public long MaxAllocated { get; private set; }
    public double MaxRatioAboveFixed { get; private set; }
    public long MaxAllocatedAtSmallInput { get; private set; }

    public void Check(string name, int index, long allocated, Func<string> input, int length)
    {
        MaxAllocated = Math.Max(MaxAllocated, allocated);
        if (length > 0)
            MaxRatioAboveFixed = Math.Max(MaxRatioAboveFixed, (double)Math.Max(0, allocated - @fixed) / length);
        if (length <= 64)
            MaxAllocatedAtSmallInput = Math.Max(MaxAllocatedAtSmallInput, allocated);
        if (allocated > (long)perInputByte * length + @fixed)
        {
            Assert.Fail($"fuzz target {name}, seed {FuzzRun.Seed}, input #{index}: allocated {allocated} bytes for {length} input bytes, "
                + $"over the bound {perInputByte} x {length} + {@fixed}\ninput: {input()}");
        }
    }

    public override string ToString() =>
        $"max allocated {MaxAllocated} B; max (allocated - {@fixed}) / input length {MaxRatioAboveFixed:F2}; max at inputs <= 64 B {MaxAllocatedAtSmallInput} B";
}
