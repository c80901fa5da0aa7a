using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace FigiAuth.Server.Tests.Infrastructure;

/// <summary>
/// The server in Development on a fresh SQLite file in its own temp folder (one per test class fixture).
/// Derived factories add settings in their constructor; <see cref="Settings"/> are host settings.
/// </summary>
public class FigiAuthServerFactory : WebApplicationFactory<Program>
{
    readonly string directory = Directory.CreateTempSubdirectory("figiauth-test-").FullName;

    public FigiAuthServerFactory()
    {
        Settings["ConnectionStrings:FigiAuth"] = $"Data Source={Path.Combine(directory, "figiauth.db")}";
        Settings["FigiAuth:Database:Provider"] = "Sqlite";
    }

    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>This factory's temp folder (database, certificates); deleted with the factory.</summary>
    public string Folder => directory;

    public string Environment { get; set; } = "Development";

    /// <summary>False when the provider is not available here (then the test returns early or fails under CI).</summary>
    public virtual bool EnsureAvailable() => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the temp folder is cleaned by the OS.
        }

        GC.SuppressFinalize(this);
    }
}
