using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Ceremonies;

public sealed class ChallengeStoreSqliteTests(FigiAuthServerFactory factory)
    : ChallengeStoreTests(factory), IClassFixture<FigiAuthServerFactory>;
