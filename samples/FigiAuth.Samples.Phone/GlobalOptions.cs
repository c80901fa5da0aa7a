using System.CommandLine;

namespace FigiAuth.Samples.Phone;

/// <summary>Options every command understands.</summary>
internal static class GlobalOptions
{
    public static Option<string> Server { get; } = new("--server")
    {
        Description = "FigiAuth server origin",
        DefaultValueFactory = _ => "http://127.0.0.1:5080",
        Recursive = true,
    };

    public static Option<string?> User { get; } = new("--user", "-u") { Description = "username", Recursive = true };

    public static Option<string> Store { get; } = new("--store")
    {
        Description = "encrypted key store file",
        DefaultValueFactory = _ => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".figiauth", "phone-keys.bin"),
        Recursive = true,
    };

    public static Option<string?> Pin { get; } = new("--pin") { Description = "PIN (or env FIGIAUTH_PIN; asked when interactive)", Recursive = true };

    public static Option<string?> Profile { get; } = new("--profile") { Description = "authenticator profile AAID, e.g. F1D0#0001 (see `keys --profiles`)", Recursive = true };

    public static Option<string?> Facet { get; } = new("--facet") { Description = "this app's FacetID (default: the server origin)", Recursive = true };

    public static Option<bool> Yes { get; } = new("--yes", "-y") { Description = "approve transaction prompts without asking (scripts)", Recursive = true };

    public static Option<bool> Json { get; } = new("--json") { Description = "machine-readable output", Recursive = true };

    public static IEnumerable<Option> All => [Server, User, Store, Pin, Profile, Facet, Yes, Json];
}
