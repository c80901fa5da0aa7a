using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process (no child build) and a short job with more iterations than --job short: the machine
// this runs on has 2 shared cores, so runs are noisy; see docs/PERFORMANCE.md.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithOptions(ConfigOptions.JoinSummary);
// --ratios [rounds] and --breakdown [rounds]: interleaved medians, see InterleavedRatios.
// (Only those two take a number: "--filter '*'" must reach BenchmarkDotNet unparsed.)
int Rounds() => args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
if (args is ["--ratios", ..])
{
    FigiAuth.Bench.InterleavedRatios.Run(Rounds());
    return;
}
if (args is ["--breakdown", ..])
{
    FigiAuth.Bench.AuthenticationBreakdown.Run(Rounds());
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(FigiAuth.Bench.AuthenticationBenchmarks).Assembly).Run(args, config);
