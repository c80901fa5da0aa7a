namespace FigiAuth.Server.Passkeys;

/// <summary>What the server keeps with a passkey challenge (SECURITY.md D1, D2): the options it sent, the browser session
/// it sent them to (hash of a ceremony cookie), the user, and for sign-up the new account to create.</summary>
internal sealed record PasskeyCeremonyState(
    string OptionsJson,
    string SessionBinding,
    Guid? UserId,
    string? Username,
    bool NewUser,
    string? CredentialName);
