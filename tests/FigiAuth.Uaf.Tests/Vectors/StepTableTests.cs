using System.Reflection;
using System.Text.RegularExpressions;

namespace FigiAuth.Uaf.Tests.Vectors;

/// <summary>docs/specs/uaf-steps.md lists every step ID the code uses, and names only tests that exist.</summary>
public sealed partial class StepTableTests
{
    private static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FigiAuth.sln")))
                directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    private static string[] Rows => File.ReadAllLines(Path.Combine(RepositoryRoot, "docs", "specs", "uaf-steps.md"))
        .Where(l => l.StartsWith("| UAF-", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Succeeds_ForEveryStepIdUsedInSourceHavingARow()
    {
        var documented = Rows.Select(r => r.Split('|')[1].Trim()).ToHashSet();
        var used = Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "src", "FigiAuth.Uaf"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => StepLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.NotEmpty(used);
        Assert.Empty(used.Except(documented));
    }

    [Fact]
    public void Succeeds_ForEveryTestNamedInTheTableExisting()
    {
        var tests = typeof(StepTableTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttributes<FactAttribute>().Any()).Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet();
        var named = Rows.SelectMany(r => TestName().Matches(r.Split('|')[^2]).Select(m => m.Groups[1].Value)).ToArray();
        Assert.All(Rows, r => Assert.Matches(TestName(), r.Split('|')[^2]));
        Assert.All(named, n => Assert.Contains(n, tests));
    }

    [GeneratedRegex("\"(UAF-[A-Z]+-[0-9]+)\"")]
    private static partial Regex StepLiteral();

    [GeneratedRegex("`([A-Za-z0-9]+\\.[A-Za-z0-9_]+)`")]
    private static partial Regex TestName();
}
