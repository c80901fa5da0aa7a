using System.Net.Http.Json;
using FigiAuth.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Confirmations;

/// <summary>
/// Every <see cref="ConfirmationOptions.SweepInterval"/>: marks overdue pending confirmations expired, then POSTs
/// due callbacks. Callbacks are a database outbox (CallbackDueAt set by the same update that changes the status),
/// so a crash between commit and delivery loses nothing; an attempt is claimed by a conditional update so two
/// nodes rarely both send. Best effort: <see cref="ConfirmationOptions.CallbackAttempts"/> tries, then given up.
/// </summary>
internal sealed partial class ConfirmationCallbackService(
    IServiceScopeFactory scopes,
    IHttpClientFactory http,
    TimeProvider time,
    IOptions<ConfirmationOptions> options,
    ILogger<ConfirmationCallbackService> logger) : BackgroundService
{
    public const string HttpClientName = "FigiAuth.ConfirmationCallbacks";
    const int Batch = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
    }

    /// <summary>One pass: expiries, then due callbacks.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConfirmationService>().ExpireDueAsync(cancellationToken: cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<FigiAuthDbContext>();
        var now = time.GetUtcNow();
        var due = await db.Confirmations.AsNoTracking()
            .Where(c => c.CallbackDueAt != null && c.CallbackDueAt <= now)
            .OrderBy(c => c.CallbackDueAt).Take(Batch)
            .Select(c => new { c.Id, c.CallbackUrl, c.Status, c.AnsweredAt, c.CallbackAttempts })
            .ToListAsync(cancellationToken);
        foreach (var c in due)
        {
            var attempt = c.CallbackAttempts + 1;
            DateTimeOffset? next = attempt < options.Value.CallbackAttempts ? now + options.Value.CallbackRetryDelay : null;
            var claimed = await db.Confirmations
                .Where(x => x.Id == c.Id && x.CallbackAttempts == c.CallbackAttempts && x.CallbackDueAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.CallbackAttempts, attempt).SetProperty(x => x.CallbackDueAt, next),
                    cancellationToken);
            if (claimed == 1 && c.CallbackUrl is not null
                && await TryPostAsync(c.CallbackUrl, new ConfirmationCallback(c.Id, c.Status, c.AnsweredAt), cancellationToken))
            {
                await db.Confirmations.Where(x => x.Id == c.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(x => x.CallbackDeliveredAt, time.GetUtcNow()).SetProperty(x => x.CallbackDueAt, (DateTimeOffset?)null),
                    cancellationToken);
            }
        }
    }

    async Task<bool> TryPostAsync(string url, ConfirmationCallback body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.CreateClient(HttpClientName).PostAsJsonAsync(url, body, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogCallbackFailed(logger, body.Id, (int)response.StatusCode);
        }
        catch (HttpRequestException e) when (e.InnerException is CallbackRefusedException refused)
        {
            LogCallbackRefused(logger, body.Id, refused.Message);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogCallbackError(logger, body.Id, e.GetType().Name);
        }

        return false;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Confirmation callback for {ConfirmationId} answered HTTP {Status}")]
    static partial void LogCallbackFailed(ILogger logger, string confirmationId, int status);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Confirmation callback for {ConfirmationId} failed: {Error}")]
    static partial void LogCallbackError(ILogger logger, string confirmationId, string error);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Confirmation callback for {ConfirmationId} refused: {Reason}")]
    static partial void LogCallbackRefused(ILogger logger, string confirmationId, string reason);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Confirmation sweep failed")]
    static partial void LogSweepFailed(ILogger logger, Exception exception);
}
