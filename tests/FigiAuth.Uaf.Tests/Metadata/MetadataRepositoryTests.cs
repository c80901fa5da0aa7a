using FigiAuth.Uaf.Metadata;
using Microsoft.Extensions.Time.Testing;

namespace FigiAuth.Uaf.Tests.Metadata;

public sealed class MetadataRepositoryTests : IDisposable
{
    private readonly Mds3TestPki _pki = Mds3TestPki.Create();
    private readonly FakeTimeProvider _time = new(Mds3TestPki.Now);

    public void Dispose() => _pki.Dispose();

    private MetadataRepository Repository(params MetadataEntry[] local)
    {
        var options = new Mds3BlobVerifierOptions();
        options.RootCertificates.Add(_pki.Root.RawData);
        return new MetadataRepository(new Mds3BlobVerifier(options, _time), _time, local);
    }

    [Fact]
    public void Succeeds_ForImportMergingLocalStatementsWithBlobStatus()
    {
        var local = new MetadataEntry(MetadataTestFiles.FigiSample() with { Description = "local copy" });
        var repository = Repository(local, new MetadataEntry(MetadataTestFiles.SpecExample()));

        var result = repository.ImportBlob(_pki.Sign(Mds3TestBlobs.Payload(5)));

        Assert.True(result.Imported, result.Failure?.ToString());
        Assert.Empty(result.Warnings);
        Assert.False(repository.IsStale);
        Assert.Equal(3, repository.All.Count);
        var figi = repository.Find("f161#0001")!;
        Assert.Equal("local copy", figi.Statement.Description);
        Assert.Equal(AuthenticatorStatus.FidoCertifiedL1, figi.CurrentStatus?.Status);
        Assert.NotNull(repository.Find("1234#5678"));
    }

    [Fact]
    public void Fails_With1498_WhenBlobNumberDoesNotIncrease_KeepingTheCurrentBlob()
    {
        var repository = Repository();
        Assert.True(repository.ImportBlob(_pki.Sign(Mds3TestBlobs.Payload(5))).Imported);

        var same = repository.ImportBlob(_pki.Sign(Mds3TestBlobs.Payload(5)));
        var older = repository.ImportBlob(_pki.Sign(Mds3TestBlobs.Payload(4)));

        Assert.Equal("MDS-07", same.Failure?.StepId);
        Assert.Equal("MDS-07", older.Failure?.StepId);
        Assert.Equal(5, repository.CurrentBlob?.No);
        Assert.True(repository.ImportBlob(_pki.Sign(Mds3TestBlobs.Payload(6))).Imported);
        Assert.Equal(6, repository.CurrentBlob?.No);
    }

    [Fact]
    public void Fails_With1498_WhenNewBlobDoesNotVerify_KeepingTheCurrentBlob()
    {
        var repository = Repository();
        repository.ImportBlob(_pki.Sign(Mds3TestBlobs.Payload(5)));
        using var stranger = Mds3TestPki.Create();

        var result = repository.ImportBlob(stranger.Sign(Mds3TestBlobs.Payload(9)));

        Assert.Equal(UafStatusCode.UnacceptableContent, result.Failure?.Status);
        Assert.Equal("MDS-04", result.Failure?.StepId);
        Assert.Equal(5, repository.CurrentBlob?.No);
        Assert.NotNull(repository.Find("F161#0002"));
    }

    [Fact]
    public void Succeeds_ForExpiredBlobWithWarning()
    {
        var repository = Repository();

        var result = repository.ImportBlob(_pki.Sign(Mds3TestBlobs.Payload(5, nextUpdate: "2025-05-01")));

        Assert.True(result.Imported);
        Assert.StartsWith("MDS-08", Assert.Single(result.Warnings));
        Assert.True(repository.IsStale);
    }

    [Fact]
    public void Succeeds_ForOfflineImportOfDownloadedBlobFile()
    {
        var repository = Repository();
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, _pki.Sign(Mds3TestBlobs.Payload(5)) + "\n");
            Assert.True(repository.ImportBlobFile(path).Imported);
            Assert.Equal("MDS-01", repository.ImportBlobFile(path + ".missing").Failure?.StepId);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
