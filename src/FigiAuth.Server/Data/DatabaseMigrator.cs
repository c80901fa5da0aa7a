using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Data;

/// <summary>Applies pending migrations at start, before the other start-up steps run.</summary>
internal sealed partial class DatabaseMigrator(IServiceScopeFactory scopes, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FigiAuthDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await db.Database.MigrateAsync(cancellationToken);
        MigrationsApplied(logger, pending, db.Database.ProviderName ?? "?");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Database ready: {Count} migrations applied ({Provider})")]
    static partial void MigrationsApplied(ILogger logger, int count, string provider);
}
