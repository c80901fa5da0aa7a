using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FigiAuth.Server.HotPath;

/// <summary>
/// Makes the hot path forget the registration and user rows it keeps (<see cref="HotPathCache"/>) after EF Core
/// changes either table, whichever way it was written — SaveChanges, ExecuteUpdate, ExecuteDelete, a user deleted with
/// its registrations by cascade — by looking at each command that writes. Inside a transaction the rows are forgotten
/// when the command ran and again when it commits: a read between the two sees the old row, and only the second
/// forgetting removes what that read kept.
/// </summary>
internal sealed class HotPathCacheInvalidation(HotPathCache cache) : IDbCommandInterceptor, IDbTransactionInterceptor
{
    readonly ConditionalWeakTable<DbTransaction, object> pending = [];

    /// <summary>True for a statement that can change a registration or which user a name finds (renamed, deleted).</summary>
    internal static bool ChangesRows(string sql) =>
        (sql.Contains("\"UafRegistrations\"", StringComparison.Ordinal)
            && (Has(sql, "INSERT") || Has(sql, "UPDATE") || Has(sql, "DELETE")))
        || (sql.Contains("\"AspNetUsers\"", StringComparison.Ordinal)
            && (Has(sql, "DELETE") || (Has(sql, "UPDATE") && sql.Contains("UserName\"", StringComparison.Ordinal))));

    static bool Has(string sql, string keyword) => sql.Contains(keyword, StringComparison.OrdinalIgnoreCase);

    void Ran(DbCommand command)
    {
        if (!ChangesRows(command.CommandText))
        {
            return;
        }

        cache.ForgetRows();
        if (command.Transaction is { } transaction)
        {
            pending.AddOrUpdate(transaction, this);
        }
    }

    void Committed(DbTransaction transaction)
    {
        if (pending.TryGetValue(transaction, out _))
        {
            pending.Remove(transaction);
            cache.ForgetRows();
        }
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Ran(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Ran(command);
        return ValueTask.FromResult(result);
    }

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Ran(command);
        return result;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Ran(command);
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Ran(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Ran(command);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }
}
