using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Confirmations;

public sealed class ConfirmationServicePostgresTests(PostgresServerFactory factory)
    : ConfirmationServiceTests(factory), IClassFixture<PostgresServerFactory>;
