using FigiAuth.Server.Tests.Infrastructure;

namespace FigiAuth.Server.Tests.Limits;

public sealed class LowRateLimitServerFactory : FigiAuthServerFactory
{
    public const int Limit = 3;

    public LowRateLimitServerFactory() => Settings["FigiAuth:RateLimits:PerIpPermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
