namespace FigiAuth.Testing.Support;

/// <summary>How to start a <see cref="ServerProcess"/>.</summary>
public sealed class ServerProcessOptions
{
    public required string DatabasePath { get; init; }

    /// <summary>Default: a free loopback port, another one when it is taken before the server binds it.</summary>
    public int? Port { get; init; }

    /// <summary>Default: the database's folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>More command-line arguments, e.g. <c>--FigiAuth:Uaf:MetadataPath=…</c>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Arguments that name the server's port (e.g. <c>--FigiAuth:PublicOrigin=http://localhost:{port}</c>), made for each port it is started on.</summary>
    public Func<int, IEnumerable<string>>? PortArguments { get; init; }

    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
