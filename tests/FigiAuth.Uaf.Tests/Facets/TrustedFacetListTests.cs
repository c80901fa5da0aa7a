using System.Text.Json;
using System.Text.Json.Nodes;
using FigiAuth.Uaf.Facets;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Uaf.Tests.Facets;

public sealed class TrustedFacetListTests
{
    private static JsonArray SpecExamples() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "spec-v1.1-trusted-facets-examples.json")))!["examples"]!.AsArray();

    // Example 2 declares hosting.example.com a public suffix.
    private static bool IsPublicSuffix(string suffix) => !suffix.Contains('.') || suffix == "hosting.example.com";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Succeeds_ForSpecTrustedFacetsExamplesPerEntryVerdicts(int index)
    {
        var example = SpecExamples()[index]!;
        var appId = example["appID"]!.GetValue<string>();
        var list = JsonSerializer.Deserialize(example["served_json"]!.ToJsonString(), UafJsonContext.Default.TrustedFacetList)!;
        var ids = list.TrustedFacets.Single().Ids;

        var kept = TrustedFacetFilter.Filter(appId, ids, IsPublicSuffix);

        foreach (var (id, verdict) in example["spec_annotation_per_id"]!.AsObject())
        {
            var valid = verdict!.GetValue<string>().StartsWith("VALID", StringComparison.Ordinal);
            Assert.True(valid == kept.Contains(FacetIds.Normalize(id)), $"{id}: {verdict}");
        }
    }

    [Fact]
    public void Succeeds_ForSpecConclusions()
    {
        var first = TrustedFacetFilter.Filter("https://www.example.com/appID",
            ["https://register.example.com", "https://fido.example.com", "http://www.example.com", "http://www.example-test.com", "https://www.example.com:444"]);
        Assert.True(FacetIds.IsTrustedForAppId("https://www.example.com", "https://www.example.com/appID", first));
        Assert.True(FacetIds.IsTrustedForAppId("https://register.example.com", "https://www.example.com/appID", first));
        Assert.False(FacetIds.IsTrustedForAppId("https://user1.example.com", "https://www.example.com/appID", first));

        const string appB = "https://companyA.hosting.example.com/appID";
        var second = TrustedFacetFilter.Filter(appB,
            ["https://register.example.com", "https://fido.companyA.hosting.example.com", "https://xyz.companyA.hosting.example.com", "https://companyB.hosting.example.com"],
            IsPublicSuffix);
        Assert.True(FacetIds.IsTrustedForAppId("https://fido.companyA.hosting.example.com", appB, second));
        Assert.False(FacetIds.IsTrustedForAppId("https://register.example.com", appB, second));
        Assert.False(FacetIds.IsTrustedForAppId("https://companyB.hosting.example.com", appB, second));
    }

    [Fact]
    public void Succeeds_ForListBuiltForBothVersionsWithOriginsOnly()
    {
        var builder = new TrustedFacetListBuilder([
            "https://uaf.example.com/index.html", "https://uaf.example.com", "https://login.example.com:8443/",
            "android:apk-key-hash:bE0f1WtRJrZv/C0y9CM73bAUqiI", "ios:bundle-id:com.example.app"]);

        var list = builder.Build();

        Assert.Equal([UafVersion.V1_0, UafVersion.V1_1], list.TrustedFacets.Select(f => f.Version));
        Assert.Equal(["https://uaf.example.com", "https://login.example.com:8443", "android:apk-key-hash:bE0f1WtRJrZv/C0y9CM73bAUqiI", "ios:bundle-id:com.example.app"],
            list.TrustedFacets[1].Ids);
        Assert.Single(builder.Build(UafVersion.V1_1).TrustedFacets);
    }

    [Theory]
    [InlineData("http://www.example.com")]
    [InlineData("ftp://example.com")]
    [InlineData("android:apk-key-hash:")]
    [InlineData("ios:bundle-id:")]
    [InlineData("www.example.com")]
    [InlineData(" ")]
    public void Fails_WithArgumentException_WhenConfiguredFacetIdHasUnsupportedForm(string id)
    {
        Assert.Throws<ArgumentException>(() => new TrustedFacetListBuilder([id]));
    }
}
