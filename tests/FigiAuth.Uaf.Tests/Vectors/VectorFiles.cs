using System.Text.Json.Nodes;

namespace FigiAuth.Uaf.Tests.Vectors;

/// <summary>The public vectors of docs/specs/vectors, copied to the test output as vectors/.</summary>
internal static class VectorFiles
{
    public static JsonNode Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", name)))!;

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", name));

    public static JsonArray EbayItems => Load("ebay-uaf-test-assertions.json")["items"]!.AsArray();

    public static JsonNode EbayItem(string method) => EbayItems.First(i => (string)i!["method"]! == method)!;
}
