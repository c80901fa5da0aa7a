using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Hosting;

/// <summary>SECURITY.md R9, §6 (Data Protection): the key ring in the database is encrypted to FigiAuth:DataProtection's certificate.</summary>
public abstract class DataProtectionKeyTests
{
    protected abstract FigiAuthServerFactory NewFactory();

    [Fact]
    public async Task Succeeds_WhenStoredKeysAreEncrypted_AndAnotherHostWithTheCertificateUnprotects()
    {
        await using var first = NewFactory().WithDataProtectionCertificate();
        if (!first.EnsureAvailable()) return;
        var protectedText = Protector(first).Protect("secret");

        var stored = await StoredKeysAsync(first);
        await using var second = first.SameDatabase();

        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        Assert.Equal("secret", Protector(second).Unprotect(protectedText));
    }

    [Fact]
    public async Task Fails_ToUnprotect_WhenAnotherHostHasADifferentCertificate()
    {
        await using var first = NewFactory().WithDataProtectionCertificate();
        if (!first.EnsureAvailable()) return;
        var protectedText = Protector(first).Protect("secret");
        await using var second = first.SameDatabase().WithDataProtectionCertificate();

        Assert.NotNull(Record.Exception(() => Protector(second).Unprotect(protectedText)));
    }

    [Fact]
    public async Task Succeeds_WhenStoredKeysAreEncrypted_WithPemCertificateAndKey()
    {
        await using var factory = NewFactory();
        if (!factory.EnsureAvailable()) return;
        var (certificate, key) = TestCertificates.WritePem(factory.Folder);
        factory.Settings["FigiAuth:DataProtection:CertificatePath"] = certificate;
        factory.Settings["FigiAuth:DataProtection:CertificateKeyPath"] = key;

        var protectedText = Protector(factory).Protect("secret");

        Assert.All(await StoredKeysAsync(factory), xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
        Assert.Equal("secret", Protector(factory).Unprotect(protectedText));
    }

    static IDataProtector Protector(FigiAuthServerFactory factory) =>
        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("FigiAuth.Tests");

    static Task<List<string>> StoredKeysAsync(FigiAuthServerFactory factory) =>
        factory.WithDbAsync((db, _) => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
}

public sealed class DataProtectionKeySqliteTests : DataProtectionKeyTests
{
    protected override FigiAuthServerFactory NewFactory() => new();
}

public sealed class DataProtectionKeyPostgresTests : DataProtectionKeyTests
{
    protected override FigiAuthServerFactory NewFactory() => new PostgresServerFactory();
}
