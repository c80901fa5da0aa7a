using System.Text.Json;

namespace FigiAuth.Uaf.Messages;

/// <summary>
/// The chosen AuthenticationResponse dictionary read with one <see cref="Utf8JsonReader"/> pass
/// instead of the serializer (the authentication hot path), with the serializer's rules for these
/// records under <see cref="UafJsonContext"/>: required members present and not null, optional ones
/// null or of their type, <c>op</c> exactly "Reg", "Auth" or "Dereg", numbers that fit a ushort, null
/// entries of <c>assertions</c> and <c>exts</c> kept (the checks after refuse them), unknown members
/// skipped. The envelope pass already refused invalid JSON and duplicate members.
/// </summary>
public static partial class UafMessageReader
{
    internal static AuthenticationResponse? ParseAuthenticationResponse(ReadOnlySpan<byte> dictionary)
    {
        var reader = new Utf8JsonReader(dictionary, new JsonReaderOptions { MaxDepth = MaxDepth });
        if (!ReadObjectOrNull(ref reader, "AuthenticationResponse"))
            return null;
        OperationHeader? header = null;
        string? fcParams = null;
        List<AuthenticatorSignAssertion>? assertions = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("header"u8))
                header = ReadOperationHeader(ref reader, header is not null);
            else if (reader.ValueTextEquals("fcParams"u8))
                fcParams = ReadMember(ref reader, fcParams is not null, "fcParams", required: true);
            else if (reader.ValueTextEquals("assertions"u8))
                assertions = ReadArray(ref reader, assertions is not null, "assertions", required: true, ReadSignAssertion);
            else
                SkipMember(ref reader);
        }
        ReadEnd(ref reader);
        return new AuthenticationResponse(
            header ?? throw Missing("header"),
            fcParams ?? throw Missing("fcParams"),
            assertions ?? throw Missing("assertions"));
    }

    private static OperationHeader ReadOperationHeader(ref Utf8JsonReader reader, bool seen)
    {
        if (seen)
            throw Duplicate("header");
        reader.Read();
        ExpectObject(ref reader, "header");
        UafVersion? upv = null;
        UafOperation? op = null;
        string? appId = null, serverData = null;
        List<UafExtension>? exts = null;
        bool hasAppId = false, hasServerData = false, hasExts = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("upv"u8))
                upv = ReadVersion(ref reader, upv is not null);
            else if (reader.ValueTextEquals("op"u8))
                op = ReadOperation(ref reader, op is not null);
            else if (reader.ValueTextEquals("appID"u8))
                appId = ReadMember(ref reader, Seen(ref hasAppId), "appID", required: false);
            else if (reader.ValueTextEquals("serverData"u8))
                serverData = ReadMember(ref reader, Seen(ref hasServerData), "serverData", required: false);
            else if (reader.ValueTextEquals("exts"u8))
                exts = ReadArray(ref reader, Seen(ref hasExts), "exts", required: false, ReadExtension);
            else
                SkipMember(ref reader);
        }
        return new OperationHeader(upv ?? throw Missing("upv"), op ?? throw Missing("op"), appId, serverData, exts);
    }

    private static UafVersion ReadVersion(ref Utf8JsonReader reader, bool seen)
    {
        if (seen)
            throw Duplicate("upv");
        reader.Read();
        ExpectObject(ref reader, "upv");
        ushort? major = null, minor = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("major"u8))
                major = ReadUInt16(ref reader, major is not null, "major");
            else if (reader.ValueTextEquals("minor"u8))
                minor = ReadUInt16(ref reader, minor is not null, "minor");
            else
                SkipMember(ref reader);
        }
        return new UafVersion(major ?? throw Missing("major"), minor ?? throw Missing("minor"));
    }

    private static ushort ReadUInt16(ref Utf8JsonReader reader, bool seen, string name)
    {
        if (seen)
            throw Duplicate(name);
        reader.Read();
        return reader.TokenType == JsonTokenType.Number && reader.TryGetUInt16(out var value)
            ? value
            : throw new JsonException($"{name} is not a number from 0 to 65535");
    }

    private static UafOperation ReadOperation(ref Utf8JsonReader reader, bool seen)
    {
        if (seen)
            throw Duplicate("op");
        reader.Read();
        return UafOperationJsonConverter.ReadExact(ref reader);
    }

    private static AuthenticatorSignAssertion ReadSignAssertion(ref Utf8JsonReader reader)
    {
        ExpectObject(ref reader, "assertion");
        string? scheme = null, assertion = null;
        List<UafExtension>? exts = null;
        var hasExts = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("assertionScheme"u8))
                scheme = ReadMember(ref reader, scheme is not null, "assertionScheme", required: true);
            else if (reader.ValueTextEquals("assertion"u8))
                assertion = ReadMember(ref reader, assertion is not null, "assertion", required: true);
            else if (reader.ValueTextEquals("exts"u8))
                exts = ReadArray(ref reader, Seen(ref hasExts), "exts", required: false, ReadExtension);
            else
                SkipMember(ref reader);
        }
        return new AuthenticatorSignAssertion(scheme ?? throw Missing("assertionScheme"), assertion ?? throw Missing("assertion"), exts);
    }

    private static UafExtension ReadExtension(ref Utf8JsonReader reader)
    {
        ExpectObject(ref reader, "extension");
        string? id = null, data = null;
        bool? failIfUnknown = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
                id = ReadMember(ref reader, id is not null, "id", required: true);
            else if (reader.ValueTextEquals("data"u8))
                data = ReadMember(ref reader, data is not null, "data", required: true);
            else if (reader.ValueTextEquals("fail_if_unknown"u8))
                failIfUnknown = ReadBoolean(ref reader, failIfUnknown is not null, "fail_if_unknown");
            else
                SkipMember(ref reader);
        }
        return new UafExtension(id ?? throw Missing("id"), data ?? throw Missing("data"), failIfUnknown ?? throw Missing("fail_if_unknown"));
    }

    private static bool ReadBoolean(ref Utf8JsonReader reader, bool seen, string name)
    {
        if (seen)
            throw Duplicate(name);
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw new JsonException($"{name} is not a boolean"),
        };
    }

    private delegate T ElementReader<T>(ref Utf8JsonReader reader);

    /// <summary>From a member's name, reads an array whose entries are objects or null (or, when not <paramref name="required"/>, a null array).</summary>
    private static List<T>? ReadArray<T>(ref Utf8JsonReader reader, bool seen, string name, bool required, ElementReader<T> element)
        where T : class
    {
        if (seen)
            throw Duplicate(name);
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null && !required)
            return null;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException($"{name} is not an array");
        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            list.Add(reader.TokenType == JsonTokenType.Null ? null! : element(ref reader));
        return list;
    }
}
