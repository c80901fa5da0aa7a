using FigiAuth.Testing.Support;

namespace FigiAuth.Samples.Phone.Tests;

/// <summary>Runs the built figiauth-phone.dll as a real process with `dotnet` (FIGIAUTH_PIN removed).</summary>
internal static class PhoneProcess
{
    public static Task<DotnetProcess.Result> RunAsync(string[] args, IDictionary<string, string>? environment = null)
    {
        var env = new Dictionary<string, string?> { ["FIGIAUTH_PIN"] = null };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            env[name] = value;
        }

        return DotnetProcess.RunAsync(RepoPaths.PhoneDll, args, env, workingDirectory: Environment.CurrentDirectory, timeout: TimeSpan.FromSeconds(90));
    }
}
