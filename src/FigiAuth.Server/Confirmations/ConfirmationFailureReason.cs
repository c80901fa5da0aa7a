namespace FigiAuth.Server.Confirmations;

/// <summary>
/// Why an answer was refused. For the audit log and the caller's status mapping; users and clients get one
/// generic refusal (SECURITY.md D3). Another user's confirmation is <see cref="NotFound"/>.
/// </summary>
public enum ConfirmationFailureReason
{
    NotFound = 1,
    Expired = 2,
    Cancelled = 3,
    Rejected = 4,
    AlreadyAnswered = 5,
    /// <summary>The hash of what was displayed is not the hash of the server's display text.</summary>
    ContentMismatch = 6,
    /// <summary>The passkey challenge is unknown, used, expired or not bound to this confirmation.</summary>
    ChallengeInvalid = 7,
}
