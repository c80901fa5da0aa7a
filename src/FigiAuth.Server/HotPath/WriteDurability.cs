namespace FigiAuth.Server.HotPath;

/// <summary>How a work item of <see cref="GroupCommitWriter"/> reaches the disk, and how soon.</summary>
internal enum WriteDurability
{
    /// <summary>Committed with a disk flush (synchronous=FULL) before its task completes.</summary>
    Durable,

    /// <summary>
    /// Committed atomically without waiting for the disk when its batch holds no durable work (otherwise with that work's
    /// flush). Any later durable commit flushes it too.
    /// </summary>
    Relaxed,

    /// <summary>
    /// Relaxed, and nobody waits for it: it may wait up to <see cref="GroupCommitWriter.DeferLimit"/> for durable work to
    /// share a transaction with (one commit, and the pages both touch written once), and commits alone after that.
    /// </summary>
    Deferred,
}
