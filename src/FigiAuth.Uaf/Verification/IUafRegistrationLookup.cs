namespace FigiAuth.Uaf.Verification;

/// <summary>Finds a stored registration by (AAID, KeyID); the host implements it over its registrations table.</summary>
public interface IUafRegistrationLookup
{
    /// <param name="aaid">The AAID as sent (compare hex digits case-insensitively).</param>
    /// <param name="keyIdBase64Url">The KeyID, base64url without padding.</param>
    ValueTask<StoredUafRegistration?> FindAsync(string aaid, string keyIdBase64Url, CancellationToken cancellationToken);
}
