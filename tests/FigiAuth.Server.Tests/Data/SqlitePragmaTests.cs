using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Tests.Data;

/// <summary>SECURITY.md DUR-01: WAL, synchronous=FULL, foreign keys, a busy timeout and memory-mapped reads on every connection.</summary>
public sealed class SqlitePragmaTests(FigiAuthServerFactory factory) : IClassFixture<FigiAuthServerFactory>
{
    [Theory]
    [InlineData("SELECT CAST(journal_mode AS TEXT) AS Value FROM pragma_journal_mode", "wal")]
    [InlineData("SELECT CAST(synchronous AS TEXT) AS Value FROM pragma_synchronous", "2")]
    [InlineData("SELECT CAST(foreign_keys AS TEXT) AS Value FROM pragma_foreign_keys", "1")]
    [InlineData("SELECT CAST(timeout AS TEXT) AS Value FROM pragma_busy_timeout", "5000")]
    public async Task Succeeds_WhenPragmaIsSetOnConnection(string query, string expected)
    {
        var value = await factory.WithDbAsync((db, _) => db.Database.SqlQueryRaw<string>(query).SingleAsync());

        Assert.Equal(expected, value);
    }

    [Fact]
    public async Task Succeeds_WhenReadsAreMemoryMapped()
    {
        // mmap_size has no table-valued form: ask the connection EF opened.
        var value = await factory.WithDbAsync(async (db, _) =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA mmap_size";
            return await command.ExecuteScalarAsync();
        });

        Assert.Equal(64L * 1024 * 1024, value); // bounded: mapped pages count in the resident memory
    }
}
