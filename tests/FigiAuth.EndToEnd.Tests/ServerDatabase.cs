using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace FigiAuth.EndToEnd.Tests;

/// <summary>Plain SQL on the server's SQLite file, read-only (the server may be running: WAL lets both read).</summary>
public sealed class ServerDatabase(string path)
{
    public sealed record Registration(string Aaid, string KeyId, long SignCounter, int Status);

    public sealed record AuditRow(long Seq, string Type, string? UserId, string? Subject, int? StatusCode, JsonElement Detail);

    public IReadOnlyList<Registration> RegistrationsOf(string username) => Query(
        """
        SELECT r.Aaid, r.KeyId, r.SignCounter, r.Status FROM UafRegistrations r
        JOIN AspNetUsers u ON u.Id = r.UserId WHERE u.UserName = $user ORDER BY r.CreatedAt
        """,
        r => new Registration(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt32(3)), ("$user", username));

    /// <summary>The user's audit events, oldest first.</summary>
    public IReadOnlyList<AuditRow> AuditOf(string username) => Query(
        """
        SELECT a.Seq, a.Type, a.UserId, a.Subject, a.StatusCode, a.DetailJson FROM AuditEvents a
        JOIN AspNetUsers u ON u.Id = a.UserId WHERE u.UserName = $user ORDER BY a.Seq
        """,
        r => new AuditRow(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
            r.IsDBNull(4) ? null : r.GetInt32(4), JsonDocument.Parse(r.GetString(5)).RootElement.Clone()), ("$user", username));

    public long Count(string sql) => Query(sql, r => r.GetInt64(0)).Single();

    IReadOnlyList<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
