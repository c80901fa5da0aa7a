using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FigiAuth.EndToEnd.Tests;

/// <summary>
/// A minimal UAF 1.1 authenticator written from the spec with plain System.Security.Cryptography and hand-written
/// TLVs (BinaryPrimitives), sharing no code with the SDK or the protocol core, so a client bug and a server bug
/// cannot cancel out. One P-256 key, ALG_SIGN_SECP256R1_ECDSA_SHA256_RAW (0x0001), ALG_KEY_ECC_X962_RAW (0x0100),
/// basic surrogate attestation, user verified (AuthenticationMode 0x01).
/// </summary>
public sealed class IndependentUafSigner(string aaid) : IDisposable
{
    // UAF 1.1 Registry of Predefined Values, §3.1 and §3.6.
    const ushort TagRegAssertion = 0x3E01;
    const ushort TagAuthAssertion = 0x3E02;
    const ushort TagKrd = 0x3E03;
    const ushort TagSignedData = 0x3E04;
    const ushort TagSignature = 0x2E06;
    const ushort TagBasicSurrogate = 0x3E08;
    const ushort TagKeyId = 0x2E09;
    const ushort TagFinalChallengeHash = 0x2E0A;
    const ushort TagAaid = 0x2E0B;
    const ushort TagPublicKey = 0x2E0C;
    const ushort TagCounters = 0x2E0D;
    const ushort TagAssertionInfo = 0x2E0E;
    const ushort TagAuthenticatorNonce = 0x2E0F;
    const ushort TagTransactionContentHash = 0x2E10;
    const ushort AlgSignSecp256r1Raw = 0x0001;
    const ushort AlgKeyEccX962Raw = 0x0100;
    const ushort AuthenticatorVersion = 1;
    const byte UserVerified = 0x01;

    readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    uint signCounter;

    public string Aaid { get; } = aaid;

    public byte[] KeyId { get; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>0x04 | X | Y, 65 bytes.</summary>
    public byte[] PublicKey
    {
        get
        {
            var q = key.ExportParameters(includePrivateParameters: false).Q;
            return [0x04, .. q.X!, .. q.Y!];
        }
    }

    public uint SignCounter => signCounter;

    /// <summary>The metadata statement of this model (v3 JSON), trusted by the server at start.</summary>
    public JsonObject MetadataStatement() => new()
    {
        ["legalHeader"] = "FigiAuth end-to-end test authenticator. Never trust it outside tests.",
        ["aaid"] = Aaid,
        ["description"] = "FigiAuth independent test signer, P-256 raw, basic surrogate (TESTS ONLY)",
        ["authenticatorVersion"] = AuthenticatorVersion,
        ["protocolFamily"] = "uaf",
        ["schema"] = 3,
        ["upv"] = new JsonArray(new JsonObject { ["major"] = 1, ["minor"] = 1 }),
        ["assertionScheme"] = "UAFV1TLV",
        ["authenticationAlgorithms"] = new JsonArray("secp256r1_ecdsa_sha256_raw"),
        ["publicKeyAlgAndEncodings"] = new JsonArray("ecc_x962_raw"),
        ["attestationTypes"] = new JsonArray("basic_surrogate"),
        ["userVerificationDetails"] = new JsonArray(new JsonArray(new JsonObject { ["userVerificationMethod"] = "passcode_internal" })),
        ["keyProtection"] = new JsonArray("software"),
        ["isKeyRestricted"] = true,
        ["isFreshUserVerificationRequired"] = true,
        ["matcherProtection"] = new JsonArray("software"),
        ["attachmentHint"] = new JsonArray("internal"),
        ["tcDisplay"] = new JsonArray("any"),
        ["tcDisplayContentType"] = "text/plain",
        ["attestationRootCertificates"] = new JsonArray(),
    };

    /// <summary>A RegistrationResponse array (the uafResponse string) answering the first request of <paramref name="uafRequest"/>.</summary>
    public string Register(string uafRequest, string facetId)
    {
        var (header, fcParams) = Answer(uafRequest, "Reg", facetId);
        var krd = Tlv(TagKrd,
            Tlv(TagAaid, Encoding.ASCII.GetBytes(Aaid)),
            Tlv(TagAssertionInfo, U16(AuthenticatorVersion), [UserVerified], U16(AlgSignSecp256r1Raw), U16(AlgKeyEccX962Raw)),
            Tlv(TagFinalChallengeHash, SHA256.HashData(Encoding.ASCII.GetBytes(fcParams))),
            Tlv(TagKeyId, KeyId),
            Tlv(TagCounters, U32(signCounter), U32(0)),
            Tlv(TagPublicKey, PublicKey));
        var assertion = Tlv(TagRegAssertion, krd, Tlv(TagBasicSurrogate, Tlv(TagSignature, Sign(krd))));
        return Response(header, fcParams, assertion);
    }

    /// <summary>An AuthenticationResponse array answering the first request of <paramref name="uafRequest"/> (no transaction).</summary>
    public string Authenticate(string uafRequest, string facetId)
    {
        var (header, fcParams) = Answer(uafRequest, "Auth", facetId);
        signCounter++;
        var signedData = Tlv(TagSignedData,
            Tlv(TagAaid, Encoding.ASCII.GetBytes(Aaid)),
            Tlv(TagAssertionInfo, U16(AuthenticatorVersion), [UserVerified], U16(AlgSignSecp256r1Raw)),
            Tlv(TagAuthenticatorNonce, RandomNumberGenerator.GetBytes(16)),
            Tlv(TagFinalChallengeHash, SHA256.HashData(Encoding.ASCII.GetBytes(fcParams))),
            Tlv(TagTransactionContentHash),
            Tlv(TagKeyId, KeyId),
            Tlv(TagCounters, U32(signCounter)));
        var assertion = Tlv(TagAuthAssertion, signedData, Tlv(TagSignature, Sign(signedData)));
        return Response(header, fcParams, assertion);
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => key.Dispose();

    /// <summary>The request's header (sent back as is) and the FinalChallengeParams, base64url of its JSON.</summary>
    static (JsonNode Header, string FcParams) Answer(string uafRequest, string op, string facetId)
    {
        var request = JsonNode.Parse(uafRequest)!.AsArray()[0]!;
        var header = request["header"]!;
        if (header["op"]!.GetValue<string>() != op)
        {
            throw new InvalidOperationException($"expected a {op} request: {uafRequest}");
        }

        var fcp = new JsonObject
        {
            ["appID"] = header["appID"]!.GetValue<string>(),
            ["challenge"] = request["challenge"]!.GetValue<string>(),
            ["facetID"] = facetId,
            ["channelBinding"] = new JsonObject(),
        };
        return (header.DeepClone(), Base64Url(Encoding.UTF8.GetBytes(fcp.ToJsonString())));
    }

    static string Response(JsonNode header, string fcParams, byte[] assertion) => new JsonArray(new JsonObject
    {
        ["header"] = header,
        ["fcParams"] = fcParams,
        ["assertions"] = new JsonArray(new JsonObject { ["assertionScheme"] = "UAFV1TLV", ["assertion"] = Base64Url(assertion) }),
    }).ToJsonString();

    /// <summary>ECDSA P-256 SHA-256, r | s (32 bytes each): the raw encoding.</summary>
    byte[] Sign(byte[] data) => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>Tag (UINT16 LE) | length (UINT16 LE) | value.</summary>
    static byte[] Tlv(ushort tag, params byte[][] parts)
    {
        var length = parts.Sum(p => p.Length);
        var tlv = new byte[4 + length];
        BinaryPrimitives.WriteUInt16LittleEndian(tlv, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tlv.AsSpan(2), checked((ushort)length));
        var offset = 4;
        foreach (var part in parts)
        {
            part.CopyTo(tlv, offset);
            offset += part.Length;
        }

        return tlv;
    }

    static byte[] U16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return bytes;
    }

    static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }
}
