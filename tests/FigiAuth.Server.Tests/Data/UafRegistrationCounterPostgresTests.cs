using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Data;

public sealed class UafRegistrationCounterPostgresTests(PostgresServerFactory factory)
    : UafRegistrationCounterTests(factory), IClassFixture<PostgresServerFactory>;
