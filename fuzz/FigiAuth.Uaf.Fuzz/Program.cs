using FigiAuth.Uaf.Tests.Fuzz;
using SharpFuzz;

// afl++ harness (docs/fuzzing.md). Usage:
//   FigiAuth.Uaf.Fuzz corpus <dir>              write the seed corpus (<dir>/<target>/...)
//   FigiAuth.Uaf.Fuzz <target>                  run under afl-fuzz (input on stdin or @@ file)
//   FigiAuth.Uaf.Fuzz replay <target> <file>    run one input without afl, e.g. a crash
// Targets: tlv, reg-assertion, auth-assertion, message. Anything but UafFormatException escaping
// a target is a crash.
const int MaxInput = 16 * 1024; // the recursive TLV walk keeps one frame per 4 bytes

var targets = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
{
    ["tlv"] = input => UafFuzzTargets.Parse(() => UafFuzzTargets.WalkTlv(input)),
    ["reg-assertion"] = input => UafFuzzTargets.Parse(() => UafFuzzTargets.RegistrationAssertion(input)),
    ["auth-assertion"] = input => UafFuzzTargets.Parse(() => UafFuzzTargets.AuthenticationAssertion(input)),
    ["message"] = input => UafFuzzTargets.Message(System.Text.Encoding.UTF8.GetString(input)),
};

switch (args)
{
    case ["corpus", var directory]:
        WriteCorpus(directory);
        return 0;
    case ["replay", var name, var file] when targets.TryGetValue(name, out var replay):
        replay(File.ReadAllBytes(file));
        Console.WriteLine("no crash");
        return 0;
    case [var name] when targets.TryGetValue(name, out var target):
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            if (buffer.Length <= MaxInput)
                target(buffer.ToArray());
        });
        return 0;
    default:
        Console.Error.WriteLine($"usage: corpus <dir> | replay <target> <file> | <target>; targets: {string.Join(", ", targets.Keys)}");
        return 2;
}

static void WriteCorpus(string directory)
{
    var seeds = new UafSeedCeremonies();
    var assertions = new Dictionary<string, byte[]>
    {
        ["surrogate"] = seeds.SurrogateAssertion,
        ["basic-full"] = seeds.BasicFullAssertion,
        ["auth"] = seeds.AuthenticationAssertion,
    };
    Write(directory, "tlv", assertions);
    Write(directory, "reg-assertion", assertions.Where(a => a.Key != "auth").ToDictionary());
    Write(directory, "auth-assertion", assertions.Where(a => a.Key == "auth").ToDictionary());
    Write(directory, "message", seeds.Messages.Select((m, i) => ($"message-{i}", System.Text.Encoding.UTF8.GetBytes(m))).ToDictionary());
}

static void Write(string directory, string target, IReadOnlyDictionary<string, byte[]> inputs)
{
    var folder = Directory.CreateDirectory(Path.Combine(directory, target));
    foreach (var (name, bytes) in inputs)
        File.WriteAllBytes(Path.Combine(folder.FullName, name), bytes);
    Console.WriteLine($"{folder.FullName}: {inputs.Count} inputs");
}
