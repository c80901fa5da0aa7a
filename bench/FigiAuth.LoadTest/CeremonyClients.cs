namespace FigiAuth.LoadTest;

/// <summary>How the driver runs one complete authentication of a leased user.</summary>
internal interface ICeremonyClient
{
    /// <summary>Null when the ceremony succeeded (1200 with an OAUTH2 token), else what went wrong; may also throw.</summary>
    ValueTask<string?> AuthenticateAsync(Phone phone, CancellationToken ct);
}

/// <summary><c>--sdk-client</c>: the client SDK end to end (UafHttpClient over HttpClient, UafClient, SoftwareAuthenticator).</summary>
internal sealed class SdkCeremonyClient : ICeremonyClient
{
    public async ValueTask<string?> AuthenticateAsync(Phone phone, CancellationToken ct) =>
        await phone.AuthenticateAsync(ct) ? null : "1200 without an OAUTH2 token";
}
