using FigiAuth.Server.Data;

namespace FigiAuth.Server.Tests.Infrastructure;

public static class TestData
{
    public const string AppId = "https://figiauth.test/uaf/v1/facets";

    public static UafRegistration Registration(Guid userId, string? keyId = null) => new()
    {
        Id = Guid.NewGuid(),
        UserId = userId,
        AppId = AppId,
        Aaid = "ABCD#0001",
        KeyId = keyId ?? Guid.NewGuid().ToString("N"),
        PublicKey = [1, 2, 3],
        SignatureAlgorithm = 1,
        PublicKeyEncoding = 0x100,
        AuthenticatorVersion = 1,
        AttestationType = 0x3E08,
        Status = UafRegistrationStatus.Active,
        CreatedAt = DateTimeOffset.UtcNow,
    };
}
