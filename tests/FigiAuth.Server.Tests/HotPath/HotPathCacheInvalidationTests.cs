using FigiAuth.Server.HotPath;

namespace FigiAuth.Server.Tests.HotPath;

/// <summary>Which statements make the hot path forget its registration and user rows (EF's SQL for both providers).</summary>
public sealed class HotPathCacheInvalidationTests
{
    [Theory]
    [InlineData("""INSERT INTO "UafRegistrations" ("Id", "Aaid") VALUES (@p0, @p1) RETURNING "CreatedAt";""")]
    [InlineData("""UPDATE "UafRegistrations" SET "Status" = @p0 WHERE "Id" = @p1 RETURNING 1;""")]
    [InlineData("""DELETE FROM "UafRegistrations" AS "u" WHERE "u"."Id" IN (@ids1, @ids2)""")]
    [InlineData("""UPDATE "UafRegistrations" AS "u" SET "SignCounter" = @p WHERE "u"."Id" = @id AND "u"."Status" = 0""")]
    [InlineData("""DELETE FROM "AspNetUsers" WHERE "Id" = @p0 AND "ConcurrencyStamp" = @p1 RETURNING 1;""")]
    [InlineData("""UPDATE "AspNetUsers" SET "NormalizedUserName" = @p0, "UserName" = @p1 WHERE "Id" = @p2 RETURNING 1;""")]
    public void Forgets_AfterAStatementThatChangesRegistrationsOrUserNames(string sql) =>
        Assert.True(HotPathCacheInvalidation.ChangesRows(sql));

    [Theory]
    [InlineData("""SELECT "u"."Id", "u"."Aaid" FROM "UafRegistrations" AS "u" WHERE "u"."UserId" = @userId""")]
    [InlineData("""UPDATE "AspNetUsers" SET "AccessFailedCount" = @p0, "ConcurrencyStamp" = @p1 WHERE "Id" = @p2 RETURNING 1;""")]
    [InlineData("""INSERT INTO "AuditEvents" ("Seq", "Type") VALUES (@p0, @p1);""")]
    [InlineData("""UPDATE "CeremonyChallenges" SET "ConsumedAt" = @now WHERE "Challenge" = @c""")]
    public void Keeps_RowsForOtherStatements(string sql) =>
        Assert.False(HotPathCacheInvalidation.ChangesRows(sql));
}
