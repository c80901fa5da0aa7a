namespace FigiAuth.Server.Ceremonies;

/// <summary>
/// Deletes expired challenges every minute, in chunks, so the table stays bounded (SECURITY.md RL-02); and drops expired
/// entries of the hot path's memory (<see cref="HotPath.HotPathCache"/>).
/// </summary>
internal sealed partial class ChallengePurgeService(IServiceScopeFactory scopes, TimeProvider time, HotPath.HotPathCache cache,
    ILogger<ChallengePurgeService> logger) : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            cache.RemoveExpired();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<ChallengeStore>().PurgeExpiredAsync(cancellationToken: stoppingToken);
                Purged(logger, purged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PurgeFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Purged {Count} expired challenges")]
    static partial void Purged(ILogger logger, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Purging expired challenges failed")]
    static partial void PurgeFailed(ILogger logger, Exception exception);
}
