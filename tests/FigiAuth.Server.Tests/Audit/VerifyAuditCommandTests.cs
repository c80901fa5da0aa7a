using FigiAuth.Server.Audit;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Audit;

public sealed class VerifyAuditCommandTests(FigiAuthServerFactory factory) : IClassFixture<FigiAuthServerFactory>
{
    [Fact]
    public async Task Succeeds_WithExit0_WhenChainIsIntact_AndExit1AtBrokenSeq()
    {
        var e = await factory.WithDbAsync((db, sp) => sp.GetRequiredService<AuditLog>().AppendAsync(db, new AuditEntry("test.command")));
        var ok = new StringWriter();
        var okCode = await VerifyAuditCommand.RunAsync(factory.Services, ok);

        await factory.WithDbAsync((db, _) => db.AuditEvents.Where(a => a.Seq == e.Seq).ExecuteUpdateAsync(s => s.SetProperty(a => a.Type, "forged")));
        var broken = new StringWriter();
        var brokenCode = await VerifyAuditCommand.RunAsync(factory.Services, broken);

        Assert.Equal(0, okCode);
        Assert.StartsWith("audit chain OK", ok.ToString());
        Assert.Contains("; head ", ok.ToString());
        Assert.Equal(1, brokenCode);
        Assert.Contains($"BROKEN at seq {e.Seq}", broken.ToString());
    }
}
