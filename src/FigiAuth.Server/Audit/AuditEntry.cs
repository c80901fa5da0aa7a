namespace FigiAuth.Server.Audit;

/// <summary>
/// What to audit. Type is a dotted name such as "uaf.registration.revoked"; Detail is serialized to JSON and
/// must hold no secrets (no tokens, challenges, keys; SECURITY.md AUD-10).
/// </summary>
public sealed record AuditEntry(
    string Type,
    Guid? UserId = null,
    string? Subject = null,
    string? StepId = null,
    int? StatusCode = null,
    IReadOnlyDictionary<string, string?>? Detail = null);
