using Npgsql;

namespace FigiAuth.Server.Tests.Infrastructure;

/// <summary>
/// The server on PostgreSQL, from env FIGIAUTH_TEST_POSTGRES (eng/test.sh sets it), in a database of its own
/// that is created by the migrations and dropped afterwards. Without the variable the tests fail when CI=true
/// and otherwise return early with a diagnostic message.
/// </summary>
public sealed class PostgresServerFactory : FigiAuthServerFactory
{
    public const string Variable = "FIGIAUTH_TEST_POSTGRES";
    readonly string? adminConnectionString = System.Environment.GetEnvironmentVariable(Variable);
    readonly string database = "figiauth_test_" + Guid.NewGuid().ToString("N");

    public PostgresServerFactory()
    {
        if (string.IsNullOrWhiteSpace(adminConnectionString))
        {
            return;
        }

        Settings["FigiAuth:Database:Provider"] = "Postgres";
        Settings["ConnectionStrings:FigiAuth"] = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString;
    }

    public override bool EnsureAvailable()
    {
        if (!string.IsNullOrWhiteSpace(adminConnectionString))
        {
            return true;
        }

        if (string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{Variable} is not set: the PostgreSQL tests must run in CI (run them through eng/test.sh).");
        }

        TestContext.Current.SendDiagnosticMessage($"{Variable} is not set: PostgreSQL test not run (eng/test.sh sets it).");
        return false;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (string.IsNullOrWhiteSpace(adminConnectionString))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
