using FigiAuth.Server.Audit;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Audit;

/// <summary>SECURITY.md AUD-02, AUD-03, CC-10: the chain verifies, tampering is located, parallel appends keep one chain.</summary>
public abstract class AuditLogTests(FigiAuthServerFactory factory)
{
    Task<Server.Data.AuditEvent> AppendAsync(string type, string? subject = null) => factory.WithDbAsync((db, sp) =>
        sp.GetRequiredService<AuditLog>().AppendAsync(db, new AuditEntry(type, Subject: subject,
            Detail: new Dictionary<string, string?> { ["note"] = "line\r\nbreak \"quoted\"" })));

    Task<AuditVerification> VerifyAsync() =>
        factory.WithDbAsync((_, sp) => sp.GetRequiredService<AuditChainVerifier>().VerifyAsync());

    [Fact]
    public async Task Succeeds_WhenChainOfAppendedEventsVerifies()
    {
        if (!factory.EnsureAvailable()) return;
        var first = await AppendAsync("test.one");
        var second = await AppendAsync("test.two");

        var result = await VerifyAsync();

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(first.Seq + 1, second.Seq);
        Assert.Equal(first.Hash, second.PrevHash);
        Assert.True(result.EventsChecked >= 2);
    }

    [Fact]
    public async Task Fails_AtTamperedSeq_WhenOneFieldIsEdited()
    {
        if (!factory.EnsureAvailable()) return;
        var events = new List<Server.Data.AuditEvent>();
        for (var i = 0; i < 5; i++)
        {
            events.Add(await AppendAsync("test.tamper", "subject-" + i));
        }

        var target = events[2];
        await factory.WithDbAsync((db, _) => db.AuditEvents.Where(a => a.Seq == target.Seq)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Subject, "forged")));
        var broken = await VerifyAsync();
        await factory.WithDbAsync((db, _) => db.AuditEvents.Where(a => a.Seq == target.Seq)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Subject, target.Subject)));
        var restored = await VerifyAsync();

        Assert.False(broken.Valid);
        Assert.Equal(target.Seq, broken.FirstBrokenSeq);
        Assert.True(restored.Valid, restored.Reason);
    }

    [Fact]
    public async Task Succeeds_When30ParallelAppendsKeepOneUnbrokenChain()
    {
        if (!factory.EnsureAvailable()) return;
        var before = await factory.WithDbAsync((db, _) => db.AuditEvents.CountAsync());

        var appended = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => AppendAsync("test.parallel", "p" + i))));
        var result = await VerifyAsync();
        var (count, maxSeq) = await factory.WithDbAsync(async (db, _) => (await db.AuditEvents.CountAsync(), await db.AuditEvents.MaxAsync(a => a.Seq)));

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(30, appended.Select(a => a.Seq).Distinct().Count());
        Assert.Equal(before + 30, count);
        Assert.Equal(count, maxSeq);
    }

    [Fact]
    public async Task Succeeds_WhenAppendsInParallelTransactionsKeepOneChain()
    {
        if (!factory.EnsureAvailable()) return;
        // Start the host once: WebApplicationFactory does not guard its first start against parallel callers.
        _ = factory.Services;

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => factory.WithDbAsync(async (db, sp) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var e = await sp.GetRequiredService<AuditLog>().AppendAsync(db, new AuditEntry("test.transaction", Subject: "t" + i));
            await transaction.CommitAsync();
            return e;
        }))));
        var result = await VerifyAsync();

        Assert.True(result.Valid, result.Reason);
    }

    [Fact]
    public async Task Succeeds_WhenRolledBackTransactionKeepsNeitherStateNorEvent()
    {
        if (!factory.EnsureAvailable()) return;
        var registration = await factory.AddRegistrationAsync();

        await factory.WithDbAsync(async (db, sp) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var tracked = await db.UafRegistrations.SingleAsync(r => r.Id == registration.Id);
            tracked.Status = Server.Data.UafRegistrationStatus.Revoked;
            await sp.GetRequiredService<AuditLog>().AppendAsync(db, new AuditEntry("test.rollback", Subject: registration.Id.ToString("D")));
            await transaction.RollbackAsync();
            return 0;
        });
        var (status, events) = await factory.WithDbAsync(async (db, _) => (
            (await db.UafRegistrations.SingleAsync(r => r.Id == registration.Id)).Status,
            await db.AuditEvents.CountAsync(a => a.Subject == registration.Id.ToString("D"))));

        Assert.Equal(Server.Data.UafRegistrationStatus.Active, status);
        Assert.Equal(0, events);
        Assert.True((await VerifyAsync()).Valid);
    }
}
