using FigiAuth.Client.Authenticators;
using FigiAuth.Client.Development;
using FigiAuth.Client.KeyStore;
using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Client.Tests;

/// <summary>Builds software authenticators over one in-memory store with one development CA.</summary>
internal sealed class TestAuthenticators
{
    public const string Pin = "2468";
    public const string AppId = "https://bank.example/uaf/v1/facets";
    public const string FcParams = "eyJhcHBJRCI6Imh0dHBzOi8vYmFuay5leGFtcGxlIn0";
    private static readonly Lazy<DevAttestationCa> SharedCa = new(() => DevAttestationCa.Create());

    public static DevAttestationCa Ca => SharedCa.Value;

    public IKeyStore Store { get; init; } = new InMemoryKeyStore();

    public PinUserVerifier Verifier { get; init; } = PinUserVerifier.Fixed(Pin);

    public Func<TransactionPrompt, CancellationToken, ValueTask<bool>>? Confirm { get; set; } = (_, _) => ValueTask.FromResult(true);

    public List<TransactionPrompt> Prompts { get; } = [];

    public SoftwareAuthenticator Create(AuthenticatorProfile profile) => new(profile, Store, new SoftwareAuthenticatorOptions
    {
        UserVerifier = Verifier,
        ConfirmTransaction = async (prompt, ct) =>
        {
            Prompts.Add(prompt);
            return Confirm is not null && await Confirm(prompt, ct);
        },
        Attestation = profile.Attestation == UafAttestationType.BasicFull ? Ca.SignerFor(profile.Aaid) : null,
    });
}
