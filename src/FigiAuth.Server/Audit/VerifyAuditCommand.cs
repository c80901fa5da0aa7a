namespace FigiAuth.Server.Audit;

/// <summary><c>dotnet run --project src/FigiAuth.Server -- verify-audit</c>: verifies the chain, prints the result, exits 0 or 1.</summary>
public static class VerifyAuditCommand
{
    public const string Name = "verify-audit";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        await output.WriteLineAsync(result.Valid
            ? $"audit chain OK: {result.EventsChecked} events"
            : $"audit chain BROKEN at seq {result.FirstBrokenSeq}: {result.Reason} ({result.EventsChecked} events verified before it)");
        return result.Valid ? 0 : 1;
    }
}
