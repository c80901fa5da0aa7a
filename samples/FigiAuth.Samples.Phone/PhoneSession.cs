using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using FigiAuth.Client;
using FigiAuth.Client.Authenticators;
using FigiAuth.Client.Development;
using FigiAuth.Client.Http;
using FigiAuth.Client.KeyStore;
using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Samples.Phone;

/// <summary>Everything one command needs: the key store, the authenticators, the UAF client.</summary>
internal sealed class PhoneSession : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public PhoneSession(ParseResult parse)
    {
        Output = new PhoneConsole(parse.GetValue(GlobalOptions.Json));
        ServerUri = ParseServer(parse.GetValue(GlobalOptions.Server)!);
        StorePath = Path.GetFullPath(Environutil.ExpandHome(parse.GetValue(GlobalOptions.Store)!));
        User = parse.GetValue(GlobalOptions.User);
        PinOption = parse.GetValue(GlobalOptions.Pin);
        ProfileAaid = parse.GetValue(GlobalOptions.Profile);
        FacetId = parse.GetValue(GlobalOptions.Facet) ?? ServerUri.GetLeftPart(UriPartial.Authority);
        AutoApprove = parse.GetValue(GlobalOptions.Yes);
    }

    public PhoneConsole Output { get; }
    public Uri ServerUri { get; }
    public string StorePath { get; }
    public string? User { get; }
    public string? PinOption { get; }
    public string? ProfileAaid { get; }
    public string FacetId { get; }
    public bool AutoApprove { get; }

    /// <summary>True once the user answered "no" to a transaction prompt (not when no one could be asked).</summary>
    public bool Declined { get; private set; }
    public string TokenPath => StorePath + ".token.json";

    public string RequireUser() => User ?? throw new UsageException("--user is required");

    /// <summary>The PIN from --pin, FIGIAUTH_PIN, or a prompt.</summary>
    public string Pin()
    {
        var pin = PinOption ?? Environment.GetEnvironmentVariable("FIGIAUTH_PIN");
        if (!string.IsNullOrEmpty(pin))
            return pin;
        if (!PhoneConsole.Interactive)
            throw new UsageException("a PIN is needed: pass --pin or set FIGIAUTH_PIN");
        return PhoneConsole.AskSecret("PIN: ") is { Length: > 0 } typed ? typed
            : throw new UafClientException(UafClientErrorCode.UserCancelled, "no PIN entered");
    }

    /// <summary>
    /// The key store, read once with the PIN before anything is sent: a wrong PIN, a damaged file or (unless
    /// <paramref name="create"/>, for enroll) a missing one fails here, not after the server issued a challenge
    /// (or, for dereg, already deleted the keys).
    /// </summary>
    public async Task<FileKeyStore> OpenStoreAsync(CancellationToken cancellationToken, bool create = false)
    {
        if (!create && !File.Exists(StorePath))
            throw new PhoneFailure($"no key store at {StorePath}: run `enroll --user {User}` first, or pass the right --store");
        var store = new FileKeyStore(StorePath, Pin());
        await store.LoadAsync(cancellationToken);
        return store;
    }

    /// <summary>
    /// The authenticators of this phone: with --profile only that one (enroll) or that one first;
    /// otherwise every profile, default first.
    /// </summary>
    public IReadOnlyList<SoftwareAuthenticator> Authenticators(IKeyStore store, bool onlySelected)
    {
        var profiles = AuthenticatorProfiles.All.ToList();
        if (ProfileAaid is not null)
        {
            var selected = AuthenticatorProfiles.Find(ProfileAaid) ?? throw new UsageException(
                $"unknown profile {ProfileAaid}; known: {string.Join(", ", AuthenticatorProfiles.All.Select(p => p.Aaid))}");
            profiles = onlySelected ? [selected] : [selected, .. profiles.Where(p => p != selected)];
        }
        var ca = profiles.Any(p => p.Attestation == UafAttestationType.BasicFull) ? LoadCa() : null;
        var pin = Pin();
        var verifier = PinUserVerifier.Fixed(pin);
        return [.. profiles
            .Where(p => p.Attestation != UafAttestationType.BasicFull || ca is not null)
            .Select(p => new SoftwareAuthenticator(p, store, new SoftwareAuthenticatorOptions
            {
                UserVerifier = verifier,
                ConfirmTransaction = ConfirmAsync,
                Attestation = p.Attestation == UafAttestationType.BasicFull ? Own(ca!.SignerFor(p.Aaid)) : null,
            }))];
    }

    public UafClient Client(IKeyStore store, bool onlySelected, string? accessToken = null)
    {
        var http = HttpToServer();
        var uaf = new UafHttpClient(http, new UafHttpClientOptions { AccessToken = accessToken });
        return new UafClient(uaf, Authenticators(store, onlySelected), new UafClientOptions
        {
            FacetId = FacetId,
            AllowHttpAppId = ServerUri.Scheme == Uri.UriSchemeHttp,
        });
    }

    public UafHttpClient UafHttp(string? accessToken) => new(HttpToServer(), new UafHttpClientOptions { AccessToken = accessToken });

    /// <summary>No cookies, no automatic redirects (the facet list rules need to see them).</summary>
    public HttpClient HttpToServer() => Own(new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = ServerUri,
        Timeout = TimeSpan.FromSeconds(30),
    });

    private ValueTask<bool> ConfirmAsync(TransactionPrompt prompt, CancellationToken cancellationToken)
    {
        string shown;
        if (prompt.Text is not null)
        {
            shown = prompt.Text;
        }
        else
        {
            var file = Path.Combine(Path.GetTempPath(), $"figiauth-transaction-{Guid.NewGuid():N}.png");
            File.WriteAllBytes(file, prompt.Png!);
            shown = $"(image) {file}";
        }
        if (AutoApprove)
        {
            Output.Say($"Transaction for {prompt.Username}: {shown}  -> approved (--yes)");
            return ValueTask.FromResult(true);
        }
        if (!PhoneConsole.Interactive)
        {
            Output.Say($"Transaction for {prompt.Username}: {shown}  -> not approved (no terminal; pass --yes)");
            return ValueTask.FromResult(false);
        }
        System.Console.WriteLine($"Confirm transaction for {prompt.Username}:\n  {shown}");
        var approved = PhoneConsole.AskYesNo("Approve?");
        Declined = !approved;
        return ValueTask.FromResult(approved);
    }

    /// <summary>The development CA: beside the tool, or in samples/attestation up from the current folder.</summary>
    private DevAttestationCa? LoadCa()
    {
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, "attestation") };
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            candidates.Add(Path.Combine(dir.FullName, "samples", "attestation"));
        var folder = candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "root.crt.pem")));
        return folder is null ? null : Own(DevAttestationCa.Load(folder));
    }

    public void SaveToken(string user, string accessToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(TokenPath)!);
        var json = new JsonObject { ["server"] = ServerUri.ToString(), ["user"] = user, ["accessToken"] = accessToken, ["savedAt"] = DateTimeOffset.UtcNow };
        var temp = TokenPath + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
            stream.Flush(true);
        }
        File.Move(temp, TokenPath, overwrite: true);
    }

    public string? LoadToken(string user)
    {
        if (!File.Exists(TokenPath))
            return null;
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(TokenPath));
            return json?["user"]?.GetValue<string>() == user && json["server"]?.GetValue<string>() == ServerUri.ToString()
                ? json["accessToken"]?.GetValue<string>()
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new PhoneFailure($"{TokenPath} is not a token file this tool wrote: delete it and run `login` again");
        }
    }

    private static Uri ParseServer(string server) =>
        Uri.TryCreate(server, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? new Uri(uri.GetLeftPart(UriPartial.Authority) + "/")
            : throw new UsageException($"--server must be an http(s) URL, not '{server}'");

    private T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
            owned.Dispose();
    }
}

internal sealed class UsageException(string message) : Exception(message);

/// <summary>Bad input that is not a usage error (a missing key store, a damaged token file): exit code 1.</summary>
internal sealed class PhoneFailure(string message) : Exception(message);

internal static class Environutil
{
    public static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;
}
