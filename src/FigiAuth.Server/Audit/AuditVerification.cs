namespace FigiAuth.Server.Audit;

/// <summary>
/// The result of verifying the chain: the number of events checked, the first broken Seq if any, and the head
/// ("seq:hash" of the last event verified; record it elsewhere to detect later truncation, see <see cref="AuditHead"/>).
/// </summary>
public sealed record AuditVerification(bool Valid, long EventsChecked, long? FirstBrokenSeq, string? Reason, string? Head = null);
