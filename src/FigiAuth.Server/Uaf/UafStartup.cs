namespace FigiAuth.Server.Uaf;

/// <summary>Loads the UAF metadata and settings at start (after migrations), so a bad configuration fails the start, not the first request.</summary>
internal sealed class UafStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<UafMetadata>();
        _ = services.GetRequiredService<UafSettings>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
