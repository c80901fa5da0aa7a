using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// The access token's <c>amr</c> (RFC 8176) and <c>acr</c> after a UAF authentication, from the metadata of the
/// authenticators that signed: "hwk" when keyProtection names hardware, a TEE or a secure element, else "swk";
/// always "user" (a UAF assertion proves user presence); the user verification methods: passcode and pattern "pin",
/// fingerprint "fpt", face "face", eye "iris", voice "vbm"; and "mfa" when the key was unlocked by one of those.
/// acr is <see cref="Acr"/>, or <see cref="TransactionAcr"/> for an in-band transaction confirmation.
/// </summary>
internal static class UafAuthenticationMethods
{
    public const string Acr = "urn:figiauth:acr:uaf";
    public const string TransactionAcr = "urn:figiauth:acr:uaf:tc";

    const uint HardwareProtection = 0x02 | 0x04 | 0x08; // hardware, tee, secure_element

    static readonly (uint Flag, string Amr)[] Methods =
    [
        (0x002, "fpt"), (0x004, "pin"), (0x008, "vbm"), (0x010, "face"), (0x040, "iris"), (0x080, "pin"), (0x800, "pin"), (0x1000, "pin"),
    ];

    public static IReadOnlyList<string> Amr(IEnumerable<MetadataStatement> statements)
    {
        var list = statements.ToList();
        var amr = new List<string> { list.Count > 0 && list.All(s => (s.KeyProtection & HardwareProtection) != 0) ? "hwk" : "swk", "user" };
        var flags = list.Aggregate(0u, (all, s) => all | s.UserVerification | s.UserVerificationDetails.SelectMany(x => x).Aggregate(0u, (a, b) => a | b));
        foreach (var (flag, name) in Methods)
        {
            if ((flags & flag) != 0 && !amr.Contains(name))
            {
                amr.Add(name);
            }
        }

        if (amr.Count > 2)
        {
            amr.Add("mfa");
        }

        return amr;
    }
}
