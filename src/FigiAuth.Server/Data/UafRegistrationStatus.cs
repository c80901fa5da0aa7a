namespace FigiAuth.Server.Data;

public enum UafRegistrationStatus
{
    Active = 0,

    /// <summary>Kept but not trusted, e.g. after a counter anomaly; authentication is refused.</summary>
    Suspect = 1,

    Revoked = 2,
}
