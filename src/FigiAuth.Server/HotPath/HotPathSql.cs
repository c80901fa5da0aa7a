namespace FigiAuth.Server.HotPath;

/// <summary>
/// The hot path's statements over the EF model's tables (names as in Data/Migrations for both providers). Status and
/// purpose values are the enums' (<see cref="Data.UafRegistrationStatus"/>, <see cref="Data.CeremonyPurpose"/>).
/// </summary>
internal static class HotPathSql
{
    /// <summary>An unconsumed, unexpired challenge (any purpose; the caller checks it), without consuming it.</summary>
    public const string PeekChallenge = """
        SELECT "Purpose", "UserId", "Username", "AppId", "PayloadJson", "ExpiresAt" FROM "CeremonyChallenges"
        WHERE "Challenge" = @challenge AND "ConsumedAt" IS NULL AND "ExpiresAt" > @now
        """;

    /// <summary>SECURITY.md D1: the first answer consumes the challenge, whatever its outcome; one row or none.</summary>
    public const string ConsumeChallenge = """
        UPDATE "CeremonyChallenges" SET "ConsumedAt" = @now
        WHERE "Challenge" = @challenge AND "Purpose" = @purpose AND "ConsumedAt" IS NULL AND "ExpiresAt" > @now
        """;

    public const string InsertChallenge = """
        INSERT INTO "CeremonyChallenges" ("Id", "Challenge", "Purpose", "UserId", "Username", "AppId", "PayloadJson", "CreatedAt", "ExpiresAt")
        VALUES (@id, @challenge, @purpose, @userId, @username, @appId, @payload, @createdAt, @expiresAt)
        """;

    /// <summary>A registration of this AppID by (AAID, KeyID), with its user's name.</summary>
    public const string FindRegistration = """
        SELECT r."Id", r."UserId", u."UserName", r."Aaid", r."KeyId", r."PublicKey", r."SignatureAlgorithm", r."PublicKeyEncoding",
               r."SignCounter", r."Status"
        FROM "UafRegistrations" r JOIN "AspNetUsers" u ON u."Id" = r."UserId"
        WHERE r."AppId" = @appId AND r."Aaid" = @aaid AND r."KeyId" = @keyId
        """;

    /// <summary>A user by normalized name and the (AAID, KeyID) of its registrations of this AppID that are not revoked.</summary>
    public const string FindUserKeys = """
        SELECT u."Id", r."Aaid", r."KeyId"
        FROM "AspNetUsers" u LEFT JOIN "UafRegistrations" r ON r."UserId" = u."Id" AND r."AppId" = @appId AND r."Status" <> 2
        WHERE u."NormalizedUserName" = @name
        """;

    /// <summary>UAF-AUTH-20 (SECURITY.md CC-02): forward only, active only; a counter of 0 (not counting) only touches LastUsedAt.</summary>
    public const string AdvanceSignCounter = """
        UPDATE "UafRegistrations"
        SET "SignCounter" = CASE WHEN @counter = 0 THEN "SignCounter" ELSE @counter END, "LastUsedAt" = @now
        WHERE "Id" = @id AND "Status" = 0 AND (@counter = 0 OR "SignCounter" < @counter)
        """;

    /// <summary>UAF-AUTH-19: Active -> Suspect.</summary>
    public const string MarkSuspect = """UPDATE "UafRegistrations" SET "Status" = 1 WHERE "Id" = @id AND "Status" = 0""";

    public const string AuditTail = """SELECT "Seq", "Hash" FROM "AuditEvents" ORDER BY "Seq" DESC LIMIT 1""";

    public const string InsertAudit = """
        INSERT INTO "AuditEvents" ("Seq", "At", "Type", "UserId", "Subject", "StepId", "StatusCode", "DetailJson", "PrevHash", "Hash")
        VALUES (@seq, @at, @type, @userId, @subject, @stepId, @statusCode, @detail, @prevHash, @hash)
        """;
}
