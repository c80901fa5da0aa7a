using FigiAuth.Server.Data;
using FigiAuth.Server.Hosting;
using FigiAuth.Server.HotPath;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers both provider contexts and resolves <see cref="FigiAuthDbContext"/> to the configured one.</summary>
    public static IServiceCollection AddFigiAuthDatabase(this IServiceCollection services)
    {
        services.AddDbContext<SqliteFigiAuthDbContext>((sp, o) =>
        {
            var options = sp.GetRequiredService<IOptions<FigiAuthOptions>>().Value;
            o.UseSqlite(ConnectionString(sp))
                .AddInterceptors(new SqlitePragmaInterceptor(options.Database.SqliteBusyTimeout),
                    sp.GetRequiredService<HotPathCacheInvalidation>());
        });
        services.AddDbContext<PostgresFigiAuthDbContext>((sp, o) => o.UseNpgsql(ConnectionString(sp))
            .AddInterceptors(sp.GetRequiredService<HotPathCacheInvalidation>()));
        services.TryAddScoped<FigiAuthDbContext>(sp =>
            sp.GetRequiredService<IOptions<FigiAuthOptions>>().Value.Database.Provider switch
            {
                DatabaseProvider.Postgres => sp.GetRequiredService<PostgresFigiAuthDbContext>(),
                _ => sp.GetRequiredService<SqliteFigiAuthDbContext>(),
            });
        services.TryAddSingleton<SqliteWriteGate>();
        services.TryAddSingleton<HotPathCache>();
        services.TryAddSingleton<HotPathCacheInvalidation>();
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    static string ConnectionString(IServiceProvider sp) =>
        sp.GetRequiredService<IConfiguration>().GetConnectionString("FigiAuth") ?? DatabaseOptions.DefaultConnectionString;
}
