namespace FigiAuth.Server.Admin;

/// <summary>A page of the audit log; ask for the next one with afterSeq = NextAfterSeq.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEventView> Events, long? NextAfterSeq);
