using FigiAuth.Uaf.Messages;

namespace FigiAuth.Uaf.Deregistration;

/// <summary>A DeregistrationRequest and its wire JSON (the stringified array). There is no response to verify.</summary>
public sealed record IssuedDeregistration(DeregistrationRequest Request, string Json);
