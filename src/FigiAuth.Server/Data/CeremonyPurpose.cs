namespace FigiAuth.Server.Data;

/// <summary>What a ceremony challenge may be answered for; a challenge is only consumable for its purpose.</summary>
public enum CeremonyPurpose
{
    UafRegistration = 1,
    UafAuthentication = 2,
    UafTransaction = 3,
    PasskeyRegistration = 4,
    PasskeyAuthentication = 5,
    PasskeyTransaction = 6,
}
