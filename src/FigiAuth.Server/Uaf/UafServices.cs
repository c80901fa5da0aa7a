using FigiAuth.Server.Ceremonies;
using Microsoft.AspNetCore.Identity;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// What POST /uaf/v1/get needs: the hot path's singletons; the scoped <see cref="UafRequestIssuer"/> (with its EF
/// context) is resolved only for the requests it serves.
/// </summary>
internal sealed record UafGetServices(UafAuthenticationRequests Authentication, CeremonyMetrics Metrics, ILogger<UafRequestIssuer> Logger,
    ILookupNormalizer Normalizer);

/// <summary>What POST /uaf/v1/respond needs; the scoped <see cref="UafResponseProcessor"/> is resolved only when used.</summary>
internal sealed record UafRespondServices(UafAuthenticationResponder Authentication, CeremonyMetrics Metrics, ILogger<UafResponseProcessor> Logger);

