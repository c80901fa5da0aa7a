namespace FigiAuth.Server.Audit;

/// <summary>The result of verifying the chain: the number of events checked and the first broken Seq, if any.</summary>
public sealed record AuditVerification(bool Valid, long EventsChecked, long? FirstBrokenSeq, string? Reason);
