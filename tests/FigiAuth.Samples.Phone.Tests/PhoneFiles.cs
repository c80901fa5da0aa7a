using System.Text.Json.Nodes;
using FigiAuth.Client.KeyStore;

namespace FigiAuth.Samples.Phone.Tests;

/// <summary>A temporary folder with the phone's files: the key store (PIN 2468) and the access token `login` saves.</summary>
internal sealed class PhoneFiles : IDisposable
{
    public const string Pin = "2468";

    private readonly string _folder = Directory.CreateTempSubdirectory("figiauth-phone-").FullName;

    public string Store => Path.Combine(_folder, "keys.bin");

    public string Token => Store + ".token.json";

    /// <summary>An empty key store that opens with <see cref="Pin"/>.</summary>
    public async Task<PhoneFiles> WithEmptyStoreAsync()
    {
        await new FileKeyStore(Store, Pin).SaveAsync([], TestContext.Current.CancellationToken);
        return this;
    }

    /// <summary>The token file as `login` writes it for <paramref name="user"/> on <paramref name="origin"/>.</summary>
    public PhoneFiles WithToken(string origin, string user, string accessToken)
    {
        File.WriteAllText(Token, new JsonObject { ["server"] = origin + "/", ["user"] = user, ["accessToken"] = accessToken }.ToJsonString());
        return this;
    }

    /// <summary>The common options: the store, the PIN and the server.</summary>
    public string[] Args(string server, params string[] args) => [.. args, "--store", Store, "--pin", Pin, "--server", server];

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
