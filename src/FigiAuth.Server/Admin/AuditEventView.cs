using FigiAuth.Server.Data;

namespace FigiAuth.Server.Admin;

public sealed record AuditEventView(
    long Seq, DateTimeOffset At, string Type, Guid? UserId, string? Subject, string? StepId, int? StatusCode,
    string DetailJson, string Hash)
{
    public static AuditEventView From(AuditEvent e) =>
        new(e.Seq, e.At, e.Type, e.UserId, e.Subject, e.StepId, e.StatusCode, e.DetailJson, Convert.ToHexStringLower(e.Hash));
}
