using FigiAuth.Server.Ceremonies;

namespace FigiAuth.Server.Uaf;

/// <summary>What POST /uaf/v1/get needs.</summary>
internal sealed record UafGetServices(UafRequestIssuer Issuer, CeremonyMetrics Metrics, ILogger<UafRequestIssuer> Logger);

/// <summary>What POST /uaf/v1/respond needs.</summary>
internal sealed record UafRespondServices(UafResponseProcessor Processor, CeremonyMetrics Metrics, ILogger<UafResponseProcessor> Logger);

