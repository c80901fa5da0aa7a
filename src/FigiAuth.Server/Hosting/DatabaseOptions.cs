namespace FigiAuth.Server.Hosting;

/// <summary>Options of the database ("FigiAuth:Database"); the connection string is <c>ConnectionStrings:FigiAuth</c>.</summary>
public sealed class DatabaseOptions
{
    public const string DefaultConnectionString = "Data Source=figiauth.db";

    /// <summary>Default: <see cref="DatabaseProvider.Sqlite"/>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite busy timeout. Default: 5 seconds.</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
