using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Ceremonies;

public sealed class ChallengeStorePostgresTests(PostgresServerFactory factory)
    : ChallengeStoreTests(factory), IClassFixture<PostgresServerFactory>;
