namespace FigiAuth.Server.Admin;

public static class AdminPolicy
{
    /// <summary>Authorization policy: role "admin" from the Identity cookie or a bearer token.</summary>
    public const string Name = "figiauth-admin";

    public const string Role = "admin";
}
