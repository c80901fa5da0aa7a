using FigiAuth.Server.Data;

namespace FigiAuth.Server.Tokens;

/// <summary>Loads (and on first start creates) the signing keys after the migrations ran.</summary>
internal sealed class SigningKeyBootstrap(IServiceScopeFactory scopes, SigningKeyRing ring) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await ring.LoadAsync(scope.ServiceProvider.GetRequiredService<FigiAuthDbContext>(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
