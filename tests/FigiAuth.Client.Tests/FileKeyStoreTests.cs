using FigiAuth.Client.KeyStore;
using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Client.Tests;

public sealed class FileKeyStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("figiauth-keystore-").FullName;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string StorePath => Path.Combine(_folder, "keys.bin");

    private FileKeyStore Store(string pin = "2468") => new(StorePath, pin, FileKeyStore.MinimumIterations);

    private static KeyRecord Record() => new("F1D0#0001", "a2V5LWlk", "alice", "https://bank.example/uaf/v1/facets", [1, 2, 3],
        UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafPublicKeyEncoding.EccX962Raw, 7, 1, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Records_RoundTrip_AndThePlaintextIsNotInTheFile()
    {
        await Store().SaveAsync([Record()], Ct);

        var loaded = Assert.Single(await Store().LoadAsync(Ct));

        Assert.Equal(Record() with { PrivateKeyPkcs8 = loaded.PrivateKeyPkcs8 }, loaded);
        Assert.Equal([1, 2, 3], loaded.PrivateKeyPkcs8);
        Assert.DoesNotContain("alice", System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(StorePath, Ct)));
    }

    [Fact]
    public async Task MissingFile_IsAnEmptyStore()
    {
        Assert.Empty(await Store().LoadAsync(Ct));
    }

    [Fact]
    public async Task WrongPin_FailsWithWrongPin()
    {
        await Store().SaveAsync([Record()], Ct);

        var error = await Assert.ThrowsAsync<KeyStoreException>(() => Store("9999").LoadAsync(Ct).AsTask());

        Assert.Equal(KeyStoreError.WrongPin, error.Error);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-20)]
    [InlineData(80)]
    [InlineData(4 + 1 + 1 + 4 + 16 + 32)] // the nonce: the header is associated data
    public async Task TamperedCiphertextTagOrNonce_FailsWithCorrupted(int offset)
    {
        await Store().SaveAsync([Record()], Ct);
        var bytes = await File.ReadAllBytesAsync(StorePath, Ct);
        bytes[offset < 0 ? bytes.Length + offset : offset] ^= 0x01;
        await File.WriteAllBytesAsync(StorePath, bytes, Ct);

        var error = await Assert.ThrowsAsync<KeyStoreException>(() => Store().LoadAsync(Ct).AsTask());

        Assert.Equal(KeyStoreError.Corrupted, error.Error);
    }

    [Fact]
    public async Task LeftoverTempFile_FromACrashedSave_DoesNotBreakLoadingOrSaving()
    {
        await Store().SaveAsync([Record()], Ct);
        await File.WriteAllBytesAsync(Path.Combine(_folder, ".keys.bin.0123456789abcdef.tmp"), [0x46, 0x47], Ct);

        var loaded = await Store().LoadAsync(Ct);
        await Store().SaveAsync([.. loaded, Record() with { KeyId = "b3RoZXI" }], Ct);

        Assert.Equal(2, (await Store().LoadAsync(Ct)).Count);
        Assert.Equal(["keys.bin", ".keys.bin.0123456789abcdef.tmp"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order().Reverse());
    }

    [Fact]
    public async Task EachSave_UsesAFreshSaltAndNonce()
    {
        await Store().SaveAsync([Record()], Ct);
        var first = await File.ReadAllBytesAsync(StorePath, Ct);
        await Store().SaveAsync([Record()], Ct);
        var second = await File.ReadAllBytesAsync(StorePath, Ct);

        Assert.NotEqual(first[10..26], second[10..26]);
    }

    [Fact]
    public void TooFewIterations_AreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FileKeyStore(StorePath, "2468", 1000));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
