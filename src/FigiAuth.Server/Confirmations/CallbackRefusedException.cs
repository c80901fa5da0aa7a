namespace FigiAuth.Server.Confirmations;

/// <summary>A callback host resolved to an address callbacks may not reach (<see cref="CallbackAddresses"/>).</summary>
public sealed class CallbackRefusedException(string message) : Exception(message);
