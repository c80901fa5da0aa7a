using System.Data.Common;
using FigiAuth.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Audit;

/// <summary>
/// <c>dotnet run --project src/FigiAuth.Server -- verify-audit [--expect-head SEQ:HASH]</c>: verifies the chain, prints
/// the result with the head to record, and exits 0 (intact, and still holding the expected head) or 1 (broken, cut
/// short, or unreadable). Read-only: it does not apply migrations.
/// </summary>
public static class VerifyAuditCommand
{
    public const string Name = "verify-audit";

    /// <summary>The configuration key of <c>--expect-head</c>.</summary>
    public const string ExpectHeadKey = "expect-head";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var expectHead = services.GetRequiredService<IConfiguration>()[ExpectHeadKey];
        AuditHead? recorded = null;
        if (expectHead is not null && (recorded = AuditHead.TryParse(expectHead)) is null)
        {
            await output.WriteLineAsync("audit chain NOT VERIFIED: --expect-head must be SEQ:HASH as a previous run printed it");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FigiAuthDbContext>();
        try
        {
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                await output.WriteLineAsync("audit chain NOT VERIFIED: the database has pending migrations; start the server once to apply them");
                return 1;
            }

            var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(recorded);
            await output.WriteLineAsync(result.Valid
                ? $"audit chain OK: {result.EventsChecked} events; head {result.Head ?? "(empty)"}"
                : $"audit chain BROKEN at seq {result.FirstBrokenSeq}: {result.Reason} ({result.EventsChecked} events verified before it)");
            return result.Valid ? 0 : 1;
        }
        catch (DbException e)
        {
            await output.WriteLineAsync($"audit chain NOT VERIFIED: cannot read the database ({e.Message})");
            return 1;
        }
    }
}
