using System.Text.Json;

namespace FigiAuth.Uaf.Messages;

/// <summary>
/// <c>fcParams</c> read with one <see cref="Utf8JsonReader"/> pass instead of the serializer, with
/// the serializer's rules for <see cref="FinalChallengeParams"/> under <see cref="UafJsonContext"/>:
/// one JSON value (depth 16, trailing whitespace only), <c>null</c> or an object; <c>appID</c>,
/// <c>challenge</c> and <c>facetID</c> required strings; <c>channelBinding</c> a required object whose
/// four members are optional strings or null; a known member twice is refused; unknown members are
/// skipped whatever they hold.
/// </summary>
public static partial class UafMessageReader
{
    private static FinalChallengeParams? ParseFinalChallengeParams(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        if (!ReadObjectOrNull(ref reader, "FinalChallengeParams"))
            return null;
        string? appId = null, challenge = null, facetId = null;
        ChannelBinding? channelBinding = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("appID"u8))
                appId = ReadMember(ref reader, appId is not null, "appID", required: true);
            else if (reader.ValueTextEquals("challenge"u8))
                challenge = ReadMember(ref reader, challenge is not null, "challenge", required: true);
            else if (reader.ValueTextEquals("facetID"u8))
                facetId = ReadMember(ref reader, facetId is not null, "facetID", required: true);
            else if (reader.ValueTextEquals("channelBinding"u8))
                channelBinding = ReadChannelBinding(ref reader, channelBinding is not null);
            else
                SkipMember(ref reader);
        }
        ReadEnd(ref reader);
        return new FinalChallengeParams(
            appId ?? throw Missing("appID"),
            challenge ?? throw Missing("challenge"),
            facetId ?? throw Missing("facetID"),
            channelBinding ?? throw Missing("channelBinding"));
    }

    private static ChannelBinding ReadChannelBinding(ref Utf8JsonReader reader, bool seen)
    {
        if (seen)
            throw Duplicate("channelBinding");
        reader.Read();
        ExpectObject(ref reader, "channelBinding");
        string? serverEndPoint = null, tlsServerCertificate = null, tlsUnique = null, cidPubkey = null;
        bool hasServerEndPoint = false, hasTlsServerCertificate = false, hasTlsUnique = false, hasCidPubkey = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("serverEndPoint"u8))
                serverEndPoint = ReadMember(ref reader, Seen(ref hasServerEndPoint), "serverEndPoint", required: false);
            else if (reader.ValueTextEquals("tlsServerCertificate"u8))
                tlsServerCertificate = ReadMember(ref reader, Seen(ref hasTlsServerCertificate), "tlsServerCertificate", required: false);
            else if (reader.ValueTextEquals("tlsUnique"u8))
                tlsUnique = ReadMember(ref reader, Seen(ref hasTlsUnique), "tlsUnique", required: false);
            else if (reader.ValueTextEquals("cid_pubkey"u8))
                cidPubkey = ReadMember(ref reader, Seen(ref hasCidPubkey), "cid_pubkey", required: false);
            else
                SkipMember(ref reader);
        }
        return new ChannelBinding
        {
            ServerEndPoint = serverEndPoint,
            TlsServerCertificate = tlsServerCertificate,
            TlsUnique = tlsUnique,
            CidPubkey = cidPubkey,
        };
    }

    // Marks a member as read; true when it had been read already.
    private static bool Seen(ref bool flag)
    {
        var before = flag;
        flag = true;
        return before;
    }

    /// <summary>From a member's name, reads its value: a string, or (when not <paramref name="required"/>) null.</summary>
    private static string? ReadMember(ref Utf8JsonReader reader, bool seen, string name, bool required)
    {
        if (seen)
            throw Duplicate(name);
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null when !required => null,
            _ => throw new JsonException($"{name} is not a string"),
        };
    }

    // An unknown member: its name must still unescape (the serializer unescapes every name to look it up).
    private static void SkipMember(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
            _ = reader.GetString();
        reader.Read();
        reader.Skip();
    }

    /// <summary>
    /// Reads the text's one JSON value up to its first token: false for <c>null</c> (nothing may
    /// follow it), true on the StartObject of an object; anything else throws.
    /// </summary>
    private static bool ReadObjectOrNull(ref Utf8JsonReader reader, string name)
    {
        if (!reader.Read())
            throw new JsonException("no JSON value");
        if (reader.TokenType == JsonTokenType.Null)
        {
            ReadEnd(ref reader);
            return false;
        }
        ExpectObject(ref reader, name);
        return true;
    }

    private static void ExpectObject(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"{name} is not an object");
    }

    // After the one JSON value: only whitespace (the reader throws on anything else).
    private static void ReadEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
            throw new JsonException("more than one JSON value");
    }

    private static JsonException Missing(string name) => new($"{name} is missing");

    private static JsonException Duplicate(string name) => new($"duplicate member {name}");
}
