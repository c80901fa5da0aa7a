using System.Globalization;

namespace FigiAuth.LoadTest;

/// <summary>Command line of the load harness (see <see cref="Usage"/>).</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        FigiAuth.LoadTest: complete UAF authentications (/get + fresh signature + /respond, access token checked) on loopback.

          --server-dll PATH     FigiAuth.Server.dll to start (default: the Release/Debug build next to this repository)
          --url URL             use a running server instead of starting one (no pinning, no RSS unless --server-pid)
          --server-pid PID      with --url: the server process, for VmRSS/VmHWM
          --db PATH             SQLite database file (default: a fresh temp file, deleted at the end)
          --port N              port of the started server (default 5199)
          --users N             users enrolled, one P-256 key each (default 200)
          --workers N           closed-loop concurrent workers (default 64: with 16 the core still idled 3-4 % and the
                        group commit's batches stayed small, so the closed loop measured less than the capacity)
          --duration S          seconds per measured phase (default 10)
          --warmup S            seconds of closed-loop warm-up, not measured (default 30: the runtime is still tiering up
                        framework code after 10 s of load)
          --rates F,F           open-loop rates as fractions of the goal rate, 0.25 x baseline (default 0.1,0.5)
          --abs-rates N,N       open-loop rates in authentications/s (replaces --rates)
          --server-cpu N        core the server is pinned to (default 0); the harness re-execs itself on --harness-cpu
          --harness-cpu N       core of the harness (default 1); --no-pin: neither is pinned
          --sdk-client          measure through the client SDK (UafHttpClient, UafClient, SoftwareAuthenticator) instead of
                                the lean client (raw keep-alive sockets, the assertion signed here); enrollment always uses the SDK
          --timeline PREFIX     each open loop also writes PREFIX-RATE.csv: per ceremony in schedule order, its due time (ms
                                from the phase's start), latency and service time (ms) — to see when the slow ones happen
          --strace              count fsync/fdatasync of the server during a 2 s closed-loop window (needs strace)
          --calibrate           only print the single-core P-256 VerifyHash rate and exit
        """;

    public string? ServerDll { get; init; }
    public string? Url { get; init; }
    public int? ServerPid { get; init; }
    public string? Db { get; init; }
    public int Port { get; init; } = 5199;
    public int Users { get; init; } = 200;
    public int Workers { get; init; } = 64;
    public double Duration { get; init; } = 10;
    public double Warmup { get; init; } = 30;
    public double[] Rates { get; init; } = [0.1, 0.5];
    public double[]? AbsoluteRates { get; init; }
    public int ServerCpu { get; init; }
    public int HarnessCpu { get; init; } = 1;
    public bool NoPin { get; init; }
    public bool SdkClient { get; init; }
    public bool Strace { get; init; }
    public string? Timeline { get; init; }
    public bool CalibrateOnly { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--server-dll" => o with { ServerDll = Next() },
                "--url" => o with { Url = Next() },
                "--server-pid" => o with { ServerPid = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--db" => o with { Db = Next() },
                "--port" => o with { Port = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--users" => o with { Users = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--workers" => o with { Workers = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--duration" => o with { Duration = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--warmup" => o with { Warmup = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rates" => o with { Rates = Doubles(Next()) },
                "--abs-rates" => o with { AbsoluteRates = Doubles(Next()) },
                "--server-cpu" => o with { ServerCpu = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--harness-cpu" => o with { HarnessCpu = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--no-pin" => o with { NoPin = true },
                "--sdk-client" => o with { SdkClient = true },
                "--strace" => o with { Strace = true },
                "--timeline" => o with { Timeline = Next() },
                "--calibrate" => o with { CalibrateOnly = true },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        if (o.Users < 1 || o.Workers < 1 || o.Duration <= 0 || o.Workers > o.Users)
        {
            throw new ArgumentException("need users >= workers >= 1 and duration > 0");
        }

        return o;
    }

    static double[] Doubles(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture))];
}
