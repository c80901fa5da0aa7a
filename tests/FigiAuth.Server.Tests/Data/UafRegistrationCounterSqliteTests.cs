using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Data;

public sealed class UafRegistrationCounterSqliteTests(FigiAuthServerFactory factory)
    : UafRegistrationCounterTests(factory), IClassFixture<FigiAuthServerFactory>;
