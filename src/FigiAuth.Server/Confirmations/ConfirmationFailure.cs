namespace FigiAuth.Server.Confirmations;

/// <summary>A refused confirmation step; <see cref="Detail"/> goes to logs and audit only.</summary>
public sealed record ConfirmationFailure(ConfirmationFailureReason Reason, string Detail);
