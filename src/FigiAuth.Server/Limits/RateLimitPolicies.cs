namespace FigiAuth.Server.Limits;

public static class RateLimitPolicies
{
    /// <summary>Per client IP; also applied to every /uaf request by the global limiter.</summary>
    public const string Uaf = "uaf";

    /// <summary>Per authenticated user (sub or name), falling back to the client IP.</summary>
    public const string PerUser = "uaf-user";
}
