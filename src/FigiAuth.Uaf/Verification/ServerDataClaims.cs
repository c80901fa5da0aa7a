using FigiAuth.Uaf.Messages;

namespace FigiAuth.Uaf.Verification;

/// <summary>What a verified serverData binds: operation, challenge, username (null when none) and expiry.</summary>
public sealed record ServerDataClaims(UafOperation Operation, string Challenge, string? Username, DateTimeOffset ExpiresAt);
