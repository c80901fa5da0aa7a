using FigiAuth.Uaf.Messages;

namespace FigiAuth.Uaf.Verification;

/// <summary>The outcome of the shared response steps 03-08: the decoded fcParams and the consumed ledger record.</summary>
internal sealed record CeremonyCheck(FinalChallengeParams FinalChallengeParams, IssuedUafRequest Issued);
