using Microsoft.AspNetCore.Identity;

namespace FigiAuth.Server.Hosting;

/// <summary>
/// Seeds what a Development server needs, after the migrations ran: the "admin" role. Extend it here
/// (metadata statements, facets) rather than adding another start-up step.
/// </summary>
internal sealed class DevelopmentSeeder(IServiceScopeFactory scopes, IHostEnvironment environment) : IHostedService
{
    public const string AdminRole = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        if (!await roles.RoleExistsAsync(AdminRole))
        {
            await roles.CreateAsync(new IdentityRole<Guid>(AdminRole) { Id = Guid.CreateVersion7() });
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
