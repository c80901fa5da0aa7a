using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FigiAuth.Server.Data;

/// <summary>Used by <c>dotnet ef migrations add --context PostgresFigiAuthDbContext</c>; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFigiAuthDbContext>
{
    public PostgresFigiAuthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFigiAuthDbContext>().UseNpgsql("Host=localhost;Database=figiauth").Options);
}
