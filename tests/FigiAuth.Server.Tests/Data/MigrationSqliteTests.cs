using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Data;

public sealed class MigrationSqliteTests(FigiAuthServerFactory factory)
    : MigrationTests(factory), IClassFixture<FigiAuthServerFactory>;
