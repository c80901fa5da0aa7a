using System.Data.Common;

namespace FigiAuth.Server.HotPath;

/// <summary>
/// One SQL statement kept on its connection and reused with new parameter values: the statement is parsed and
/// planned once instead of per request. Parameters are set by position, in the order of <c>names</c>.
/// </summary>
internal sealed class PreparedCommand : IDisposable
{
    readonly DbCommand command;

    public PreparedCommand(DbConnection connection, string sql, params string[] names)
    {
        command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
    }

    /// <summary>The values in the order of the names given at construction; null is SQL NULL.</summary>
    public PreparedCommand With(DbTransaction? transaction, params object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return this;
    }

    public int Execute() => command.ExecuteNonQuery();

    public DbDataReader Read() => command.ExecuteReader();

    public Task<DbDataReader> ReadAsync(CancellationToken ct) => command.ExecuteReaderAsync(ct);

    public void Dispose() => command.Dispose();
}
