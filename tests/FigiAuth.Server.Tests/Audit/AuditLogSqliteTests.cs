using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Audit;

public sealed class AuditLogSqliteTests(FigiAuthServerFactory factory)
    : AuditLogTests(factory), IClassFixture<FigiAuthServerFactory>;
