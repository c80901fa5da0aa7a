using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Data;

/// <summary>The model on SQLite; migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteFigiAuthDbContext(DbContextOptions<SqliteFigiAuthDbContext> options) : FigiAuthDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset text; store UTC ticks so expiry conditions run in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}
