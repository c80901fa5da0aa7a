using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Confirmations;

public sealed class ConfirmationServiceSqliteTests(FigiAuthServerFactory factory)
    : ConfirmationServiceTests(factory), IClassFixture<FigiAuthServerFactory>;
