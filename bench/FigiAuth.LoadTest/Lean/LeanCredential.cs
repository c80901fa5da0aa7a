using System.Security.Cryptography;
using System.Text.Json;
using FigiAuth.Client.Authenticators;
using FigiAuth.Client.Http;
using FigiAuth.Client.KeyStore;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.LoadTest.Lean;

/// <summary>
/// What the lean client needs of one enrolled user, read once out of the SDK's key store after enrollment: the key
/// (imported once), the assertion layout with its KeyID, the sign counter, and the user's constant /get request.
/// Used by one ceremony at a time (the driver leases users), so the counter needs no lock.
/// </summary>
internal sealed class LeanCredential : IDisposable
{
    readonly AuthAssertionTemplate assertion;
    uint signCounter;

    LeanCredential(KeyRecord record, AuthenticatorProfile profile, PostRequestHead getHead)
    {
        if (record.Algorithm != UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw)
        {
            throw new NotSupportedException($"the lean client signs P-256 raw only, not {record.Algorithm}");
        }

        Key = ECDsa.Create();
        Key.ImportPkcs8PrivateKey(record.PrivateKeyPkcs8, out _);
        assertion = new AuthAssertionTemplate(record.Aaid, profile.AuthenticatorVersion, StrictBase64Url.Decode(record.KeyId, "LOAD", "keyID"));
        signCounter = record.SignCounter;
        // The same bytes the SDK sends: the context {"username"} as a JSON string inside GetUAFRequest {op: Auth}.
        ContextJson = new UafRequestContext { Username = record.Username }.ToJson();
        GetRequest = getHead.Request(JsonSerializer.SerializeToUtf8Bytes(new GetUafRequest(UafOperation.Auth, Context: ContextJson),
            UafJsonContext.Default.GetUafRequest));
    }

    public ECDsa Key { get; }

    public string ContextJson { get; }

    /// <summary>The complete HTTP request for POST /uaf/v1/get (op Auth, this user's context).</summary>
    public byte[] GetRequest { get; }

    /// <summary>The next assertion: the counter goes up by one per signature, as the SDK's authenticator does.</summary>
    public ReadOnlySpan<byte> SignNext(ReadOnlySpan<byte> fcParamsAscii) => assertion.Sign(Key, fcParamsAscii, ++signCounter);

    /// <summary>The user's only key in <paramref name="store"/> (the SDK's InMemoryKeyStore after RegisterAsync).</summary>
    public static async Task<LeanCredential> FromStoreAsync(InMemoryKeyStore store, AuthenticatorProfile profile, PostRequestHead getHead)
    {
        var records = await store.LoadAsync();
        return records.Count == 1
            ? new LeanCredential(records[0], profile, getHead)
            : throw new InvalidOperationException($"expected one key after enrollment, found {records.Count}");
    }

    public void Dispose() => Key.Dispose();
}
