using FigiAuth.Server.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FigiAuth.Server.Operations;

/// <summary>Ready when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(FigiAuthDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("database unreachable");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}
