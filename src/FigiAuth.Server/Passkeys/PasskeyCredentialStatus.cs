namespace FigiAuth.Server.Passkeys;

public enum PasskeyCredentialStatus
{
    Active = 1,

    /// <summary>Revoked by the user or an administrator: its assertions fail at once.</summary>
    Revoked = 2,
}
