using System.Data.Common;
using FigiAuth.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Audit;

/// <summary>
/// <c>dotnet run --project src/FigiAuth.Server -- verify-audit</c>: verifies the chain, prints the result and exits
/// 0 (intact) or 1 (broken or unreadable). Read-only: it does not apply migrations.
/// </summary>
public static class VerifyAuditCommand
{
    public const string Name = "verify-audit";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FigiAuthDbContext>();
        try
        {
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                await output.WriteLineAsync("audit chain NOT VERIFIED: the database has pending migrations; start the server once to apply them");
                return 1;
            }

            var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
            await output.WriteLineAsync(result.Valid
                ? $"audit chain OK: {result.EventsChecked} events"
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
