using FigiAuth.Server.Audit;
using FigiAuth.Server.Data;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Audit;

/// <summary>A head recorded outside the database catches what the chain alone cannot: events cut off its end.</summary>
public sealed class AuditHeadTests(FigiAuthServerFactory factory) : IClassFixture<FigiAuthServerFactory>
{
    Task<AuditVerification> VerifyAsync(AuditHead? recorded) =>
        factory.WithDbAsync((db, _) => new AuditChainVerifier(db).VerifyAsync(recorded));

    Task<AuditEvent> AppendAsync(string type) =>
        factory.WithDbAsync((db, sp) => sp.GetRequiredService<AuditLog>().AppendAsync(db, new AuditEntry(type)));

    [Fact]
    public async Task Succeeds_WhenTheChainStillHoldsTheRecordedHead_AndGrewAfterIt()
    {
        await AppendAsync("test.head");
        var recorded = AuditHead.TryParse((await VerifyAsync(null)).Head);
        await AppendAsync("test.after");

        var result = await VerifyAsync(recorded);

        Assert.NotNull(recorded);
        Assert.True(result.Valid, result.Reason);
    }

    [Fact]
    public async Task Fails_WhenEventsWereCutOffTheEnd()
    {
        await AppendAsync("test.kept");
        var last = await AppendAsync("test.cut");
        var recorded = AuditHead.TryParse((await VerifyAsync(null)).Head)!;

        await factory.WithDbAsync((db, _) => db.AuditEvents.Where(a => a.Seq == last.Seq).ExecuteDeleteAsync());
        var plain = await VerifyAsync(null);
        var withHead = await VerifyAsync(recorded);

        Assert.True(plain.Valid); // the chain alone cannot tell
        Assert.False(withHead.Valid);
        Assert.Contains("removed from its end", withHead.Reason);
    }

    [Fact]
    public async Task Fails_WhenTheTailWasRewrittenUpToTheRecordedHead()
    {
        var last = await AppendAsync("test.original");
        var recorded = AuditHead.TryParse((await VerifyAsync(null)).Head)!;

        await factory.WithDbAsync((db, _) => db.AuditEvents.Where(a => a.Seq == last.Seq).ExecuteDeleteAsync());
        await AppendAsync("test.replacement");
        var result = await VerifyAsync(recorded);

        Assert.False(result.Valid);
        Assert.Equal(last.Seq, result.FirstBrokenSeq);
        Assert.Contains("rewritten", result.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("0:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("12:not-a-hash")]
    [InlineData("12:AAAA")]
    public void Fails_WhenTheHeadIsNotSeqColonHash(string text) => Assert.Null(AuditHead.TryParse(text));

    [Fact]
    public async Task Fails_WithExit1_WhenTheCommandIsGivenAMalformedHead()
    {
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting(VerifyAuditCommand.ExpectHeadKey, "not-a-head"));
        var output = new StringWriter();

        var code = await VerifyAuditCommand.RunAsync(configured.Services, output);

        Assert.Equal(1, code);
        Assert.Contains("--expect-head must be SEQ:HASH", output.ToString());
    }
}
