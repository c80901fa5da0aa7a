using System.Net;
using System.Net.Http.Json;
using System.Text;
using FigiAuth.Client.Authenticators;
using FigiAuth.Server.Admin.Metadata;
using FigiAuth.Server.Tests.Infrastructure;
using FigiAuth.Server.Tests.Uaf;
using FigiAuth.Server.Uaf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Admin;

/// <summary>
/// Administrators' metadata changes are stored with their audit event and applied again at start: a restart (a second
/// host on the same database) still trusts an added statement and no longer trusts a removed one.
/// </summary>
public abstract class MetadataPersistenceTests
{
    const string NewAaid = "F1D0#0777";

    protected abstract FigiAuthServerFactory NewFactory();

    [Fact]
    public async Task Succeeds_WhenAddedStatementIsStillTrustedAndUsedAfterRestart()
    {
        await using var first = NewFactory();
        if (!first.EnsureAvailable()) return;
        var statement = (await File.ReadAllTextAsync(SampleStatement("F1D0-0101.json"))).Replace("F1D0#0101", NewAaid, StringComparison.Ordinal);

        var added = await first.CreateClientWithRoles("admin").PostAsync("/admin/v1/metadata/statements",
            new StringContent(statement, Encoding.UTF8, "application/json"));
        var stored = await first.WithDbAsync((db, _) => db.MetadataOverrides.AsNoTracking().SingleAsync());
        var audited = await first.WithDbAsync((db, _) => db.AuditEvents.AsNoTracking().CountAsync(a => a.Type == "uaf.metadata.added" && a.Subject == NewAaid));
        await using var restarted = first.SameDatabase();
        var listed = await ListAsync(restarted);
        var phone = new UafHarness(restarted, null, AuthenticatorProfiles.P256RawSurrogate with { Aaid = NewAaid });
        await phone.RegisterAsync();

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal((MetadataOverrideKind.Statement, MetadataOverride.StatementId(NewAaid)), (stored.Kind, stored.Id));
        Assert.Equal(1, audited);
        Assert.Contains(NewAaid, listed);
        Assert.Equal(NewAaid, Assert.Single(await phone.RegistrationsAsync()).Aaid);
    }

    [Fact]
    public async Task Succeeds_WhenRemovedStatementStaysRemovedAfterRestart()
    {
        await using var first = NewFactory();
        if (!first.EnsureAvailable()) return;

        var removed = await first.CreateClientWithRoles("admin").DeleteAsync("/admin/v1/metadata/statements/F1D0%230101");
        await using var restarted = first.SameDatabase();

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.DoesNotContain("F1D0#0101", await ListAsync(restarted));
        Assert.Null(restarted.Services.GetRequiredService<UafMetadata>().Find("F1D0#0101"));
        Assert.NotNull(restarted.Services.GetRequiredService<UafMetadata>().Find("F1D0#0003"));
    }

    [Fact]
    public async Task Succeeds_WhenStatementRemovedThenAddedAgainIsTrustedAfterRestart()
    {
        await using var first = NewFactory();
        if (!first.EnsureAvailable()) return;
        var admin = first.CreateClientWithRoles("admin");
        var statement = await File.ReadAllTextAsync(SampleStatement("F1D0-0003.json"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/admin/v1/metadata/statements/F1D0%230003")).StatusCode);
        (await admin.PostAsync("/admin/v1/metadata/statements", new StringContent(statement, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        await using var restarted = first.SameDatabase();

        Assert.Contains("F1D0#0003", await ListAsync(restarted));
    }

    static string SampleStatement(string file) => Path.Combine(UafHarness.RepositoryRoot, "samples", "attestation", "metadata", file);

    static async Task<List<string>> ListAsync(FigiAuthServerFactory factory) =>
        [.. (await factory.CreateClientWithRoles("admin").GetFromJsonAsync<List<MetadataStatementSummary>>("/admin/v1/metadata/statements"))!
            .Select(s => s.Aaid)];
}

public sealed class MetadataPersistenceSqliteTests : MetadataPersistenceTests
{
    protected override FigiAuthServerFactory NewFactory() => new();
}

public sealed class MetadataPersistencePostgresTests : MetadataPersistenceTests
{
    protected override FigiAuthServerFactory NewFactory() => new PostgresServerFactory();
}
