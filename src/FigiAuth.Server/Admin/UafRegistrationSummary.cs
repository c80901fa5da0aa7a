using FigiAuth.Server.Data;

namespace FigiAuth.Server.Admin;

/// <summary>What the admin API shows of a registration (no key material).</summary>
public sealed record UafRegistrationSummary(
    Guid Id, Guid UserId, string AppId, string Aaid, string KeyId, UafRegistrationStatus Status,
    long SignCounter, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, string? Name)
{
    public static UafRegistrationSummary From(UafRegistration r) =>
        new(r.Id, r.UserId, r.AppId, r.Aaid, r.KeyId, r.Status, r.SignCounter, r.CreatedAt, r.LastUsedAt, r.Name);
}
