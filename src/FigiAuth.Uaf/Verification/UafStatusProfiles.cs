namespace FigiAuth.Uaf.Verification;

/// <summary>Maps a verifier failure to the wire status code of a profile. The specific code stays in logs either way.</summary>
public static class UafStatusProfiles
{
    /// <summary>The statusCode for a rejected /respond message.</summary>
    public static int ToWire(UafFailure failure, UafStatusProfile profile = UafStatusProfile.Conformance)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return profile == UafStatusProfile.Detailed
            ? (int)failure.Status
            : (int)UafStatusCode.UnacceptableContent;
    }
}
