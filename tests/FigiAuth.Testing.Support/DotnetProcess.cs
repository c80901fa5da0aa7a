using System.Diagnostics;

namespace FigiAuth.Testing.Support;

/// <summary>Runs <c>dotnet {dll} {args}</c> to completion with stdin closed; stdout and stderr captured.</summary>
public static class DotnetProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, string CommandLine)
    {
        /// <summary>The whole run, for a test's output.</summary>
        public string Transcript => $"$ {CommandLine}\n[exit {ExitCode}]\n--- stdout ---\n{Stdout}--- stderr ---\n{Stderr}";
    }

    /// <param name="environment">Added to (value) or removed from (null) the child's environment.</param>
    public static async Task<Result> RunAsync(string dll, IEnumerable<string> args, IDictionary<string, string?>? environment = null,
        string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var commandLine = $"dotnet {string.Join(' ', start.ArgumentList.Select(a => a.Contains(' ') ? $"'{a}'" : a))}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{commandLine} did not finish within {timeout ?? TimeSpan.FromSeconds(120)}:\n{await stdout}\n{await stderr}");
        }

        return new Result(process.ExitCode, await stdout, await stderr, commandLine);
    }
}
