namespace FigiAuth.Samples.FigiAuthApi;

/// <summary>FigiAuth could not be reached or refused this back end's credentials.</summary>
public sealed class FigiAuthUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
