using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FigiAuth.LoadTest;

/// <summary>
/// Sleeps the calling thread until a <see cref="Stopwatch"/> timestamp with nanosleep(2): Thread.Sleep has whole
/// milliseconds only, which at thousands of ceremonies a second would either start them late in bursts or, as the
/// harness once did, need a yield loop that kept a core busy. Linux only, like the rest of the harness.
/// </summary>
internal static partial class DueTimeSleeper
{
    const long NanosPerSecond = 1_000_000_000;

    public static void SleepUntil(long due)
    {
        while (true)
        {
            var left = due - Stopwatch.GetTimestamp();
            if (left <= 0)
            {
                return;
            }

            var nanos = (long)(left * ((double)NanosPerSecond / Stopwatch.Frequency));
            var request = new TimeSpec { Seconds = nanos / NanosPerSecond, Nanoseconds = nanos % NanosPerSecond };
            // An interrupted sleep (EINTR) just goes round again with what is left.
            _ = NanoSleep(in request, IntPtr.Zero);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "nanosleep", SetLastError = true)]
    private static partial int NanoSleep(in TimeSpec request, IntPtr remaining);
}
