using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Uaf.Tests.Metadata;

public sealed class FolderMetadataLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("figi-mds-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Succeeds_ForFolderWithSingleAndArrayFiles_SkippingBadOnes()
    {
        var conformance = MetadataTestFiles.ConformanceStatementsJson();
        File.WriteAllText(Path.Combine(_folder, "spec.json"), MetadataTestFiles.SpecExampleJson());
        File.WriteAllText(Path.Combine(_folder, "conformance.json"), $"[{string.Join(",", conformance.Values)}]");
        File.WriteAllText(Path.Combine(_folder, "figi.json"), MetadataTestFiles.Fixture("figi-sample-authenticator-v3.json"));
        File.WriteAllText(Path.Combine(_folder, "broken.json"), "{ not json");
        File.WriteAllText(Path.Combine(_folder, "fido2.json"), """{"aaguid":"x","protocolFamily":"fido2"}""");
        File.WriteAllText(Path.Combine(_folder, "zz-duplicate.json"), MetadataTestFiles.SpecExampleJson());
        File.WriteAllText(Path.Combine(_folder, "readme.txt"), "ignored");
        var store = new InMemoryMetadataStore();

        var errors = FolderMetadataLoader.LoadInto(_folder, store);

        Assert.Equal(conformance.Count + 2, store.All.Count);
        Assert.Equal(3, errors.Count);
        Assert.NotNull(store.Find("ffff#fc01"));
        Assert.NotNull(store.Find("f161#0001"));
        Assert.Equal("1234#5678", store.Find("1234#5678")?.Statement.Aaid);
    }

    [Fact]
    public void Fails_WithError_WhenFolderIsMissing()
    {
        var result = FolderMetadataLoader.Load(Path.Combine(_folder, "missing"));

        Assert.Empty(result.Entries);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Succeeds_ForAtomicSnapshotReplace()
    {
        var store = new InMemoryMetadataStore([new MetadataEntry(MetadataTestFiles.SpecExample())]);

        store.Replace([new MetadataEntry(MetadataTestFiles.FigiSample())]);

        Assert.Null(store.Find("1234#5678"));
        Assert.Single(store.All);
        Assert.Throws<ArgumentException>(() => store.Replace([new(MetadataTestFiles.FigiSample()), new(MetadataTestFiles.FigiSample())]));
    }
}
