using System.Security.Cryptography;
using FigiAuth.Client.KeyStore;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Client.Authenticators;

/// <summary>
/// A first-factor UAF authenticator in software: one <see cref="AuthenticatorProfile"/> (one AAID),
/// keys in an <see cref="IKeyStore"/>, PIN user verification, a transaction display callback.
/// It builds UAFV1TLV assertions (UAF Authenticator Commands / UAF.md §6) with its own signing code.
/// DEVELOPMENT ONLY: software keys, development AAIDs.
/// </summary>
public sealed partial class SoftwareAuthenticator
{
    private const int KeyIdSize = 32;
    private const int NonceSize = 16;
    private const byte ModeUserVerified = 0x01;
    private const byte ModeTransactionConfirmed = 0x02;

    private readonly IKeyStore _store;
    private readonly SoftwareAuthenticatorOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SoftwareAuthenticator(AuthenticatorProfile profile, IKeyStore keyStore, SoftwareAuthenticatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(keyStore);
        ArgumentNullException.ThrowIfNull(options);
        if (profile.Attestation == UafAttestationType.BasicFull && options.Attestation is null)
            throw new ArgumentException($"{profile.Aaid} uses basic full attestation: set {nameof(SoftwareAuthenticatorOptions.Attestation)}", nameof(options));
        if (profile.Attestation is not (UafAttestationType.BasicFull or UafAttestationType.BasicSurrogate))
            throw new NotSupportedException($"attestation {profile.Attestation} is not implemented");
        _ = SignatureProfile.For(profile.Algorithm);
        Profile = profile;
        _store = keyStore;
        _options = options;
        Metadata = profile.ToMetadataStatement();
    }

    public AuthenticatorProfile Profile { get; }

    public string Aaid => Profile.Aaid;

    /// <summary>This model's metadata (without attestation roots: the client needs none).</summary>
    public MetadataStatement Metadata { get; }

    /// <summary>Keys of this AAID registered for <paramref name="appId"/> (and <paramref name="username"/> when given).</summary>
    public async ValueTask<IReadOnlyList<KeyRecord>> GetKeysAsync(string appId, string? username = null, CancellationToken cancellationToken = default)
    {
        var records = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
        return [.. records.Where(r => IsMine(r) && r.AppId == appId && (username is null || r.Username == username))];
    }

    /// <summary>
    /// Forgets keys of this AAID for <paramref name="appId"/>: the one with <paramref name="keyId"/>,
    /// or all of them when it is null or empty. Returns how many were removed.
    /// </summary>
    public async ValueTask<int> DeregisterAsync(string appId, string? keyId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var records = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
            var kept = records.Where(r => !(IsMine(r) && r.AppId == appId && (string.IsNullOrEmpty(keyId) || r.KeyId == keyId))).ToArray();
            if (kept.Length != records.Count)
                await _store.SaveAsync(kept, cancellationToken).ConfigureAwait(false);
            return records.Count - kept.Length;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsMine(KeyRecord record) => string.Equals(record.Aaid, Aaid, StringComparison.OrdinalIgnoreCase);

    private static byte[] NewRandom(int size) => RandomNumberGenerator.GetBytes(size);

    private static byte[] DecodeKeyId(string keyId) =>
        StrictBase64Url.TryDecode(keyId, out var bytes) && bytes.Length > 0
            ? bytes
            : throw new UafClientException(UafClientErrorCode.ProtocolError, "KeyID is not base64url");
}
