using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FigiAuth.Server.Data;

/// <summary>Used by <c>dotnet ef migrations add --context SqliteFigiAuthDbContext</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFigiAuthDbContext>
{
    public SqliteFigiAuthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFigiAuthDbContext>().UseSqlite("Data Source=design.db").Options);
}
