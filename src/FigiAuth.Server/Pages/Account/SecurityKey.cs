namespace FigiAuth.Server.Pages.Account;

/// <summary>One row of the "Security keys" page: a UAF registration or a passkey.</summary>
public sealed record SecurityKey(Guid Id, SecurityKeyKind Kind, string Name, string Authenticator, DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt, bool Active);
