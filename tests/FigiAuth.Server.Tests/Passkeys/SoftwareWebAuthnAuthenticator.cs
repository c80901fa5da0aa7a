using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FigiAuth.Server.Tests.Passkeys;

/// <summary>
/// A software WebAuthn authenticator and client for tests: ES256 keys, "none" attestation, discoverable credentials.
/// Every field it signs or reports can be changed to build a mutation.
/// </summary>
public sealed class SoftwareWebAuthnAuthenticator
{
    readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);

    public byte[]? UserHandle { get; set; }

    public string Origin { get; set; } = "http://127.0.0.1:5080";

    public string RpId { get; set; } = "127.0.0.1";

    public bool UserVerified { get; set; } = true;

    public bool BackupEligible { get; set; }

    public uint Counter { get; set; }

    /// <summary>The AAGUID in the attested credential data (zero by default).</summary>
    public Guid Aaguid { get; set; }

    /// <summary>When set, "packed" full attestation signed by this key with this certificate (x5c); otherwise "none".</summary>
    public (System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate, ECDsa Key)? Attestation { get; set; }

    /// <summary>Changes the challenge the client puts into clientDataJSON (null: the one in the options).</summary>
    public string? ChallengeOverride { get; set; }

    static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);

    byte[] ClientData(string type, JsonElement options) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["type"] = type,
        ["challenge"] = ChallengeOverride ?? options.GetProperty("challenge").GetString()!,
        ["origin"] = Origin,
        ["crossOrigin"] = false,
    });

    byte[] AuthenticatorData(bool attested)
    {
        var flags = (byte)(0x01 | (UserVerified ? 0x04 : 0) | (BackupEligible ? 0x08 : 0) | (attested ? 0x40 : 0));
        var data = new List<byte>();
        data.AddRange(SHA256.HashData(Encoding.UTF8.GetBytes(RpId)));
        data.Add(flags);
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, Counter);
        data.AddRange(counter);
        if (attested)
        {
            data.AddRange(Aaguid.ToByteArray(bigEndian: true)); // zero by default, as "none" attestation reports
            data.Add((byte)(CredentialId.Length >> 8));
            data.Add((byte)CredentialId.Length);
            data.AddRange(CredentialId);
            data.AddRange(CoseKey());
        }

        return [.. data];
    }

    byte[] CoseKey()
    {
        var p = key.ExportParameters(false);
        var w = new CborWriter(CborConformanceMode.Lax);
        w.WriteStartMap(5);
        w.WriteInt32(1); w.WriteInt32(2);       // kty: EC2
        w.WriteInt32(3); w.WriteInt32(-7);      // alg: ES256
        w.WriteInt32(-1); w.WriteInt32(1);      // crv: P-256
        w.WriteInt32(-2); w.WriteByteString(p.Q.X!);
        w.WriteInt32(-3); w.WriteByteString(p.Q.Y!);
        w.WriteEndMap();
        return w.Encode();
    }

    /// <summary>navigator.credentials.create(): the JSON a browser would post to register/complete.</summary>
    public JsonObject Create(JsonElement options)
    {
        UserHandle ??= Base64Url.DecodeFromChars(options.GetProperty("user").GetProperty("id").GetString());
        var w = new CborWriter(CborConformanceMode.Lax);
        w.WriteStartMap(3);
        var authData = AuthenticatorData(attested: true);
        var clientData = ClientData("webauthn.create", options);
        if (Attestation is { } attestation)
        {
            w.WriteTextString("fmt"); w.WriteTextString("packed");
            w.WriteTextString("attStmt"); w.WriteStartMap(3);
            w.WriteTextString("alg"); w.WriteInt32(-7);
            w.WriteTextString("sig"); w.WriteByteString(attestation.Key.SignData([.. authData, .. SHA256.HashData(clientData)],
                HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            w.WriteTextString("x5c"); w.WriteStartArray(1); w.WriteByteString(attestation.Certificate.RawData); w.WriteEndArray();
            w.WriteEndMap();
        }
        else
        {
            w.WriteTextString("fmt"); w.WriteTextString("none");
            w.WriteTextString("attStmt"); w.WriteStartMap(0); w.WriteEndMap();
        }

        w.WriteTextString("authData"); w.WriteByteString(authData);
        w.WriteEndMap();
        return new JsonObject
        {
            ["id"] = B64(CredentialId),
            ["rawId"] = B64(CredentialId),
            ["type"] = "public-key",
            ["response"] = new JsonObject
            {
                ["attestationObject"] = B64(w.Encode()),
                ["clientDataJSON"] = B64(clientData),
                ["transports"] = new JsonArray("internal"),
            },
            ["clientExtensionResults"] = new JsonObject(),
        };
    }

    /// <summary>navigator.credentials.get(): the JSON a browser would post to login/complete.</summary>
    public JsonObject Get(JsonElement options)
    {
        var authData = AuthenticatorData(attested: false);
        var clientData = ClientData("webauthn.get", options);
        var signature = key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256,
            DSASignatureFormat.Rfc3279DerSequence);
        return new JsonObject
        {
            ["id"] = B64(CredentialId),
            ["rawId"] = B64(CredentialId),
            ["type"] = "public-key",
            ["response"] = new JsonObject
            {
                ["authenticatorData"] = B64(authData),
                ["clientDataJSON"] = B64(clientData),
                ["signature"] = B64(signature),
                ["userHandle"] = B64(UserHandle!),
            },
            ["clientExtensionResults"] = new JsonObject(),
        };
    }
}
