using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Data;

public sealed class MigrationPostgresTests(PostgresServerFactory factory)
    : MigrationTests(factory), IClassFixture<PostgresServerFactory>;
