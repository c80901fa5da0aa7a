namespace FigiAuth.Testing.Support;

/// <summary>How to start a <see cref="WebAppProcess"/>.</summary>
public sealed class WebAppProcessOptions
{
    /// <summary>The app's built DLL, e.g. <see cref="RepoPaths.ServerDll"/>.</summary>
    public required string Dll { get; init; }

    /// <summary>Default: a free loopback port, another one when it is taken before the app binds it.</summary>
    public int? Port { get; init; }

    /// <summary>Default: the DLL's folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>More command-line arguments, after <c>--urls</c>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>
    /// Arguments that name the port the app binds (e.g. its public origin), made for each port it is started on. They
    /// come after <see cref="Arguments"/>.
    /// </summary>
    public Func<int, IEnumerable<string>>? PortArguments { get; init; }

    /// <summary>Added to (value) or removed from (null) the app's environment, after ASPNETCORE_ENVIRONMENT=Development.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The path that answers 2xx once the app serves requests. Default: <c>/</c>.</summary>
    public string ReadyPath { get; init; } = "/";

    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
