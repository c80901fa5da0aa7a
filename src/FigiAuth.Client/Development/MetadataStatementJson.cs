using System.Text.Json;
using FigiAuth.Client.Authenticators;
using FigiAuth.Uaf.Algorithms;

namespace FigiAuth.Client.Development;

/// <summary>Writes a profile's metadata statement in the MDS3 (schema 3) JSON form.</summary>
public static class MetadataStatementJson
{
    public static byte[] Write(AuthenticatorProfile profile, byte[]? attestationRoot)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("legalHeader", "FigiAuth DEVELOPMENT authenticator. Not FIDO certified. Never trust it in production.");
            json.WriteString("aaid", profile.Aaid);
            json.WriteString("description", profile.Description);
            json.WriteNumber("authenticatorVersion", profile.AuthenticatorVersion);
            json.WriteString("protocolFamily", "uaf");
            json.WriteNumber("schema", 3);
            json.WriteStartArray("upv");
            json.WriteStartObject();
            json.WriteNumber("major", 1);
            json.WriteNumber("minor", 1);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("assertionScheme", "UAFV1TLV");
            WriteStrings(json, "authenticationAlgorithms", MetadataNames.Of(profile.Algorithm));
            WriteStrings(json, "publicKeyAlgAndEncodings", MetadataNames.Of(profile.KeyEncoding));
            WriteStrings(json, "attestationTypes", MetadataNames.Of(profile.Attestation));
            json.WriteStartArray("userVerificationDetails");
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("userVerificationMethod", "passcode_internal");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndArray();
            WriteStrings(json, "keyProtection", "software");
            json.WriteBoolean("isKeyRestricted", true);
            json.WriteBoolean("isFreshUserVerificationRequired", true);
            WriteStrings(json, "matcherProtection", "software");
            WriteStrings(json, "attachmentHint", "internal");
            WriteStrings(json, "tcDisplay", "any");
            json.WriteString("tcDisplayContentType", profile.TcDisplayContentType);
            if (profile.TcDisplayPngCharacteristics.Count > 0)
            {
                json.WriteStartArray("tcDisplayPNGCharacteristics");
                foreach (var png in profile.TcDisplayPngCharacteristics)
                {
                    json.WriteStartObject();
                    json.WriteNumber("width", png.Width);
                    json.WriteNumber("height", png.Height);
                    json.WriteNumber("bitDepth", png.BitDepth);
                    json.WriteNumber("colorType", png.ColorType);
                    json.WriteNumber("compression", png.Compression);
                    json.WriteNumber("filter", png.Filter);
                    json.WriteNumber("interlace", png.Interlace);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteStartArray("attestationRootCertificates");
            if (profile.Attestation == UafAttestationType.BasicFull && attestationRoot is not null)
                json.WriteStringValue(Convert.ToBase64String(attestationRoot));
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, params string[] values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
