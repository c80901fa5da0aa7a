using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FigiAuth.Server.Data;

/// <summary>
/// Sets WAL, synchronous=FULL (durable on power loss, SECURITY.md DUR-01), foreign keys and the busy timeout
/// on every SQLite connection EF opens.
/// </summary>
internal sealed class SqlitePragmaInterceptor(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    string Pragmas => PragmasFor(busyTimeout);

    /// <summary>The statements every FigiAuth SQLite connection runs when opened (also the hot path's own connections).</summary>
    public static string PragmasFor(TimeSpan busyTimeout) =>
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={(int)busyTimeout.TotalMilliseconds};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
