using System.Buffers;
using System.Buffers.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.LoadTest.Lean;

/// <summary>
/// Writes the /respond body, SendUAFResponse <c>{"uafResponse": "[AuthenticationResponse]", "context": ...}</c>, with
/// the members the SDK's UafClient writes, into buffers reused from one ceremony to the next.
/// </summary>
internal sealed class AuthenticationResponseWriter
{
    // The escaping only has to be valid JSON for the server; the relaxed encoder writes \" instead of \u0022.
    static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    readonly ArrayBufferWriter<byte> response = new(2048);
    readonly ArrayBufferWriter<byte> body = new(4096);
    readonly Utf8JsonWriter responseJson;
    readonly Utf8JsonWriter bodyJson;

    public AuthenticationResponseWriter()
    {
        responseJson = new Utf8JsonWriter(response, Relaxed);
        bodyJson = new Utf8JsonWriter(body, Relaxed);
    }

    /// <summary>
    /// The AuthenticationResponse array (UAF Protocol §3.4.6): the request's header verbatim, fcParams, one
    /// AuthenticatorSignAssertion of scheme UAFV1TLV with the base64url assertion; wrapped in SendUAFResponse.
    /// </summary>
    public ReadOnlySpan<byte> Write(ReadOnlySpan<byte> header, ReadOnlySpan<byte> fcParams, ReadOnlySpan<byte> assertion, string contextJson)
    {
        Span<byte> assertionText = stackalloc byte[Base64Url.GetEncodedLength(assertion.Length)];
        Base64Url.EncodeToUtf8(assertion, assertionText);

        response.ResetWrittenCount();
        responseJson.Reset();
        responseJson.WriteStartArray();
        responseJson.WriteStartObject();
        responseJson.WritePropertyName("header"u8);
        responseJson.WriteRawValue(header, skipInputValidation: true);
        responseJson.WriteString("fcParams"u8, fcParams);
        responseJson.WriteStartArray("assertions"u8);
        responseJson.WriteStartObject();
        responseJson.WriteString("assertionScheme"u8, "UAFV1TLV"u8);
        responseJson.WriteString("assertion"u8, assertionText);
        responseJson.WriteEndObject();
        responseJson.WriteEndArray();
        responseJson.WriteEndObject();
        responseJson.WriteEndArray();
        responseJson.Flush();

        body.ResetWrittenCount();
        bodyJson.Reset();
        bodyJson.WriteStartObject();
        bodyJson.WriteString("uafResponse"u8, response.WrittenSpan);
        bodyJson.WriteString("context"u8, contextJson);
        bodyJson.WriteEndObject();
        bodyJson.Flush();
        return body.WrittenSpan;
    }

    /// <summary>fcParams = base64url(UTF-8(JSON(FinalChallengeParams))), serialized by the core as the SDK does.</summary>
    public static byte[] FinalChallengeParams(string appId, string challenge, string facetId)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new FinalChallengeParams(appId, challenge, facetId, NoChannelBinding),
            UafJsonContext.Default.FinalChallengeParams);
        var text = new byte[Base64Url.GetEncodedLength(json.Length)];
        Base64Url.EncodeToUtf8(json, text);
        return text;
    }

    /// <summary>Plain HTTP on loopback: no TLS, so no channel binding to report; <c>{}</c> as the SDK sends by default.</summary>
    static readonly ChannelBinding NoChannelBinding = new();
}
