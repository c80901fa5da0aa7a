using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Messages;

/// <summary>
/// Strict reader of the stringified UAF message arrays (UAF.md §1, §2, §8.2 REG-01/02/04).
/// Every method throws only <see cref="UafFormatException"/>, carrying the step ID that failed.
/// </summary>
/// <remarks>
/// Envelope (REG/AUTH-01): a JSON array of dictionaries; two dictionaries with the same <c>upv</c>
/// reject; exactly one <c>upv</c> 1.1 dictionary is used and dictionaries of other versions are
/// ignored (1.0 is used only under <see cref="UafMessageReaderOptions.AcceptUpv10"/> when no 1.1
/// dictionary is present). Types (REG/AUTH-02): the records' JSON contract plus the size bounds of §2.
/// Unknown JSON members are ignored, as UAF dictionaries may grow.
/// </remarks>
public static partial class UafMessageReader
{
    public static UafResponseMessage<RegistrationResponse> ReadRegistrationResponse(
        string uafResponse, UafMessageReaderOptions? options = null) =>
        ReadResponse(uafResponse, Serializer(UafJsonContext.Default.RegistrationResponse), MessageSteps.Registration, options,
            m => (m.Header, m.FcParams), m => m.Assertions, a => (a.AssertionScheme, a.Assertion, a.Exts));

    public static UafResponseMessage<AuthenticationResponse> ReadAuthenticationResponse(
        string uafResponse, UafMessageReaderOptions? options = null) =>
        ReadResponse(uafResponse, AuthenticationResponseParser, MessageSteps.Authentication, options,
            m => (m.Header, m.FcParams), m => m.Assertions, a => (a.AssertionScheme, a.Assertion, a.Exts));

    private static UafResponseMessage<T> ReadResponse<T, TAssertion>(
        string text, DictionaryParser<T> parse, MessageSteps steps, UafMessageReaderOptions? options,
        Func<T, (OperationHeader Header, string FcParams)> envelope,
        Func<T, IReadOnlyList<TAssertion?>> assertionsOf,
        Func<TAssertion, (string Scheme, string Assertion, IReadOnlyList<UafExtension>? Exts)> partsOf)
        where TAssertion : class
    {
        options ??= UafMessageReaderOptions.Strict;
        var (message, version) = ReadDictionary(text, parse, steps, options);
        var (header, fcParams) = envelope(message);
        CheckHeader(header, steps);
        var fcp = DecodeFcParams(fcParams, version, steps, options);
        var list = assertionsOf(message);
        if (list.Count == 0)
            throw new UafFormatException(steps.Types, "assertions is empty");
        var assertions = new byte[list.Count][];
        for (var i = 0; i < list.Count; i++)
        {
            // JSON null inside the array: nullable annotations do not reach collection elements.
            var (scheme, assertion, exts) = partsOf(list[i] ?? throw new UafFormatException(steps.Types, $"assertions[{i}] is null"));
            assertions[i] = DecodeAssertion(scheme, assertion, i, steps);
            CheckExtensions(exts, steps.Types);
        }
        return new(message, version, fcp, assertions);
    }

    /// <summary>
    /// REG-04 / AUTH-04: the decoded <c>fcParams</c> is an object with string <c>appID</c>
    /// (1..512), <c>challenge</c> (base64url of 8..64 bytes), <c>facetID</c> (1..512) and an object
    /// <c>channelBinding</c>; all four are required.
    /// </summary>
    public static FinalChallengeParams ReadFinalChallengeParams(ReadOnlySpan<byte> json, string stepId)
    {
        FinalChallengeParams? fcp;
        try
        {
            fcp = ParseFinalChallengeParams(json);
        }
        catch (Exception e) when (IsParseException(e))
        {
            throw new UafFormatException(stepId, $"fcParams is not a FinalChallengeParams object: {e.Message}", e);
        }
        if (fcp is null)
            throw new UafFormatException(stepId, "fcParams is null");
        CheckLength(fcp.AppId, 1, UafLimits.MaxAppIdLength, "fcParams.appID", stepId);
        CheckLength(fcp.FacetId, 1, UafLimits.MaxAppIdLength, "fcParams.facetID", stepId);
        CheckChallenge(fcp.Challenge, "fcParams.challenge", stepId);
        return fcp;
    }

    /// <summary>
    /// UAF-RESP-01: which ceremony a /respond body answers. Only exactly "Reg" or "Auth" in the
    /// header of the message's upv 1.1 dictionary; anything else, or a malformed envelope, is 1498.
    /// </summary>
    public static UafResult<UafOperation> PeekResponseOperation(string uafResponse, UafMessageReaderOptions? options = null)
    {
        var message = default(ArraySegment<byte>);
        try
        {
            message = RentMessage(uafResponse, PeekSteps, options ?? UafMessageReaderOptions.Strict);
            var utf8 = message.AsSpan();
            var (dictionary, _) = SelectDictionary(utf8, PeekSteps, options ?? UafMessageReaderOptions.Strict);
            var reader = new Utf8JsonReader(utf8[dictionary], new JsonReaderOptions { MaxDepth = MaxDepth });
            reader.Read();
            // header is an object: SelectDictionary read header.upv from it.
            EnterMember(ref reader, "header"u8);
            var depth = reader.CurrentDepth;
            while (reader.Read() && reader.CurrentDepth > depth)
            {
                var isOp = reader.ValueTextEquals("op"u8);
                reader.Read();
                if (isOp && reader.TokenType == JsonTokenType.String)
                {
                    if (reader.ValueTextEquals("Reg"u8))
                        return UafOperation.Reg;
                    if (reader.ValueTextEquals("Auth"u8))
                        return UafOperation.Auth;
                }
                reader.Skip();
            }
            return new UafFailure(UafStatusCode.UnacceptableContent, UafSteps.Resp01, "header.op is not exactly \"Reg\" or \"Auth\"");
        }
        catch (UafFormatException e)
        {
            return new UafFailure(UafStatusCode.UnacceptableContent, UafSteps.Resp01, e.Message);
        }
        finally
        {
            if (message.Array is not null)
                ReturnMessage(message);
        }
    }

    private static readonly MessageSteps PeekSteps =
        MessageSteps.Request(UafOperation.Reg) with { Envelope = UafSteps.Resp01, Types = UafSteps.Resp01 };

    /// <summary>Reads the chosen dictionary's UTF-8 bytes into its record (null for JSON null); throws what <see cref="IsParseException"/> accepts.</summary>
    private delegate T? DictionaryParser<T>(ReadOnlySpan<byte> utf8);

    private static readonly DictionaryParser<AuthenticationResponse> AuthenticationResponseParser = ParseAuthenticationResponse;

    private static DictionaryParser<T> Serializer<T>(JsonTypeInfo<T> typeInfo) => utf8 => JsonSerializer.Deserialize(utf8, typeInfo);

    private static (T Message, UafVersion Version) ReadDictionary<T>(
        string text, JsonTypeInfo<T> typeInfo, MessageSteps steps, UafMessageReaderOptions options) =>
        ReadDictionary(text, Serializer(typeInfo), steps, options);

    private static (T Message, UafVersion Version) ReadDictionary<T>(
        string text, DictionaryParser<T> parse, MessageSteps steps, UafMessageReaderOptions options)
    {
        var bytes = RentMessage(text, steps, options);
        try
        {
            var utf8 = bytes.AsSpan();
            var (dictionary, version) = SelectDictionary(utf8, steps, options);
            T? message;
            try
            {
                message = parse(utf8[dictionary]);
            }
            catch (Exception e) when (IsParseException(e))
            {
                throw new UafFormatException(steps.Types, $"message does not have the UAF types: {e.Message}", e);
            }
            return message is null
                ? throw new UafFormatException(steps.Types, "message dictionary is null")
                : (message, version);
        }
        finally
        {
            ReturnMessage(bytes);
        }
    }

    private static void CheckHeader(OperationHeader header, MessageSteps steps)
    {
        if (header.Op != steps.Operation)
            throw new UafFormatException(steps.Types, $"header.op is {header.Op}, expected {steps.Operation}");
        if (header.AppId is { Length: > UafLimits.MaxAppIdLength })
            throw new UafFormatException(steps.Types, "header.appID is longer than 512 characters");
        if (header.ServerData is { } serverData)
            CheckLength(serverData, 1, UafLimits.MaxServerDataLength, "header.serverData", steps.Types);
        CheckExtensions(header.Exts, steps.Types);
    }

    /// <summary>
    /// Extensions: <c>id</c> 1..32 characters. No extension is known to this server, so one with
    /// <c>fail_if_unknown: true</c> rejects the message; the others are ignored.
    /// </summary>
    internal static void CheckExtensions(IReadOnlyList<UafExtension>? extensions, string stepId)
    {
        if (extensions is null)
            return;
        foreach (var extension in extensions)
        {
            if (extension is null)
                throw new UafFormatException(stepId, "an extension is null");
            CheckLength(extension.Id, 1, UafLimits.MaxExtensionIdLength, "extension id", stepId);
            if (extension.FailIfUnknown)
                throw new UafFormatException(stepId, $"unknown extension {extension.Id} has fail_if_unknown");
        }
    }

    private static byte[] DecodeFcParams(string fcParams, UafVersion version, MessageSteps steps, UafMessageReaderOptions options)
    {
        var text = fcParams;
        if (options.AcceptUpv10 && version == UafVersion.V1_0)
            text = text.TrimEnd('=');
        if (text.Length == 0 || !StrictBase64Url.TryDecode(text, out var json))
            throw new UafFormatException(steps.Types, "fcParams is not a non-empty strict base64url string");
        return json;
    }

    private static byte[] DecodeAssertion(string scheme, string assertion, int index, MessageSteps steps)
    {
        if (!string.Equals(scheme, UafLimits.AssertionScheme, StringComparison.Ordinal))
            throw new UafFormatException(steps.Types, $"assertions[{index}].assertionScheme is not UAFV1TLV");
        if (!StrictBase64Url.TryDecode(assertion, out var bytes) || bytes.Length is 0 or > UafLimits.MaxAssertionBytes)
            throw new UafFormatException(steps.Types, $"assertions[{index}].assertion is not base64url of 1..4096 bytes");
        return bytes;
    }

    internal static void CheckLength(string value, int min, int max, string field, string stepId)
    {
        if (value.Length < min || value.Length > max)
            throw new UafFormatException(stepId, $"{field} must have {min}..{max} characters");
    }

    /// <summary>
    /// ServerChallenge: base64url of 8..64 bytes, i.e. 11..86 alphabet characters without padding.
    /// Checked on the characters, not by decoding: challenges are compared as strings with the ledger,
    /// and some servers issue challenges whose last character has non-zero unused bits (conformance
    /// issue #73), which a canonical decoder refuses.
    /// </summary>
    internal static void CheckChallenge(string challenge, string field, string stepId)
    {
        if (challenge.Length is < 11 or > 86 || challenge.Length % 4 == 1
            || !challenge.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new UafFormatException(stepId, $"{field} is not base64url of 8..64 bytes");
        }
    }

    internal static bool IsParseException(Exception e) =>
        e is JsonException or NotSupportedException or InvalidOperationException or FormatException
            or ArgumentException or OverflowException or IndexOutOfRangeException;
}
