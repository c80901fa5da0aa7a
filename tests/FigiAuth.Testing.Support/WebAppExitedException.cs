namespace FigiAuth.Testing.Support;

/// <summary>The app's process ended before it was ready.</summary>
public sealed class WebAppExitedException(int exitCode, string message) : InvalidOperationException(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>Kestrel could not bind the port: another process holds it.</summary>
    public bool AddressInUse => Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
}
