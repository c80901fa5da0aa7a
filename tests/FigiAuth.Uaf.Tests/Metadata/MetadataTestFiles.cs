using System.Runtime.CompilerServices;
using System.Text.Json;
using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Uaf.Tests.Metadata;

/// <summary>
/// The vectors (copied to the output folder as <c>vectors/</c>) and the fixtures next to this file
/// (read from the source tree, so the shared test csproj needs no entry for them).
/// </summary>
internal static class MetadataTestFiles
{
    public static string Vector(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", name));

    public static string Fixture(string name, [CallerFilePath] string here = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "Fixtures", name));

    public static string SpecExampleJson()
    {
        using var doc = JsonDocument.Parse(Vector("spec-v1.1-metadata-statement-uaf-example.json"));
        return doc.RootElement.GetProperty("metadataStatement").GetRawText();
    }

    public static MetadataStatement SpecExample() => MetadataStatementReader.Read(SpecExampleJson());

    public static MetadataStatement FigiSample() => MetadataStatementReader.Read(Fixture("figi-sample-authenticator-v3.json"));

    public static IReadOnlyDictionary<string, string> ConformanceStatementsJson()
    {
        using var doc = JsonDocument.Parse(Vector("conformance-tool-metadata-statements.json"));
        return doc.RootElement.GetProperty("statements").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
    }
}
