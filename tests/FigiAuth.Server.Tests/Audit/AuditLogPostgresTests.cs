using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Audit;

public sealed class AuditLogPostgresTests(PostgresServerFactory factory)
    : AuditLogTests(factory), IClassFixture<PostgresServerFactory>;
