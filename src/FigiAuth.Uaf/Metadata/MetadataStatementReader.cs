using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Uaf.Metadata;

/// <summary>
/// Reads UAF metadata statements in both JSON forms (UAF.md §9): the pre-v3 numeric form
/// (<c>authenticationAlgorithm</c>, flag numbers) and the v3/MDS3 form (string enums, arrays),
/// mapping both to <see cref="MetadataStatement"/> with FIDO Registry numbers.
/// Unknown v3 strings are skipped (the registry grows), but a statement must keep at least one
/// algorithm, key encoding and attestation type.
/// </summary>
public static partial class MetadataStatementReader
{
    /// <summary>Reads one statement. Throws <see cref="MetadataFormatException"/>.</summary>
    public static MetadataStatement Read(string json)
    {
        using var doc = MetadataJson.Parse(json);
        return Read(doc.RootElement);
    }

    /// <summary>Reads a document holding one statement object or an array of statements.</summary>
    public static IReadOnlyList<MetadataStatement> ReadAll(string json)
    {
        using var doc = MetadataJson.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Array
            ? [.. doc.RootElement.EnumerateArray().Select((e, i) => ReadAt(e, i))]
            : [Read(doc.RootElement)];
    }

    /// <summary>Reads one statement object; it must be a UAF statement (protocolFamily "uaf" with an AAID).</summary>
    public static MetadataStatement Read(JsonElement statement)
    {
        MetadataJson.RequireObject(statement, "a metadata statement");
        var family = MetadataJson.OptionalString(statement, "protocolFamily") ?? "uaf";
        if (family != "uaf")
            throw new MetadataFormatException($"protocolFamily '{family}' is not 'uaf': not a UAF metadata statement");
        var aaid = MetadataJson.OptionalString(statement, "aaid")
            ?? throw new MetadataFormatException("'aaid' is missing: not a UAF metadata statement");
        if (!AaidPattern().IsMatch(aaid))
            throw new MetadataFormatException($"'aaid' '{aaid}' is not of the form VVVV#MMMM (hex)");
        var uvDetails = ReadUserVerificationDetails(statement);
        return new MetadataStatement
        {
            Aaid = aaid,
            Description = MetadataJson.OptionalString(statement, "description"),
            AuthenticatorVersion = (ushort)(MetadataJson.OptionalInteger(statement, "authenticatorVersion", ushort.MaxValue) ?? 0),
            ProtocolFamily = family,
            Upv = ReadUpv(statement),
            AssertionScheme = MetadataJson.OptionalString(statement, "assertionScheme") ?? "UAFV1TLV",
            AuthenticationAlgorithms = [.. ReadCodes(statement, "authenticationAlgorithms", "authenticationAlgorithm",
                MetadataRegistryNames.AuthenticationAlgorithms).Select(v => (UafSignatureAlgorithm)v)],
            PublicKeyAlgAndEncodings = [.. ReadCodes(statement, "publicKeyAlgAndEncodings", "publicKeyAlgAndEncoding",
                MetadataRegistryNames.PublicKeyEncodings).Select(v => (UafPublicKeyEncoding)v)],
            AttestationTypes = [.. ReadCodes(statement, "attestationTypes", null,
                MetadataRegistryNames.AttestationTypes).Select(v => (UafAttestationType)v)],
            UserVerificationDetails = uvDetails,
            UserVerification = uvDetails.SelectMany(a => a).Aggregate(0u, (acc, v) => acc | v),
            KeyProtection = (ushort)ReadFlags(statement, "keyProtection", MetadataRegistryNames.KeyProtection, ushort.MaxValue),
            MatcherProtection = (ushort)ReadFlags(statement, "matcherProtection", MetadataRegistryNames.MatcherProtection, ushort.MaxValue),
            AttachmentHint = (uint)ReadFlags(statement, "attachmentHint", MetadataRegistryNames.AttachmentHint, uint.MaxValue),
            TcDisplay = (ushort)ReadFlags(statement, "tcDisplay", MetadataRegistryNames.TcDisplay, ushort.MaxValue),
            IsKeyRestricted = MetadataJson.OptionalBoolean(statement, "isKeyRestricted") ?? true,
            IsFreshUserVerificationRequired = MetadataJson.OptionalBoolean(statement, "isFreshUserVerificationRequired") ?? true,
            IsSecondFactorOnly = MetadataJson.OptionalBoolean(statement, "isSecondFactorOnly") ?? false,
            TcDisplayContentType = MetadataJson.OptionalString(statement, "tcDisplayContentType"),
            TcDisplayPngCharacteristics = [.. MetadataJson.OptionalArray(statement, "tcDisplayPNGCharacteristics").Select(ReadPng)],
            AttestationRootCertificates = [.. MetadataJson.OptionalStringArray(statement, "attestationRootCertificates")
                .Select(s => MetadataJson.Base64(s, "attestationRootCertificates"))],
            SupportedExtensions = [.. MetadataJson.OptionalArray(statement, "supportedExtensions").Select(ReadExtension)],
        };
    }

    private static MetadataStatement ReadAt(JsonElement element, int index)
    {
        try
        {
            return Read(element);
        }
        catch (MetadataFormatException e)
        {
            throw new MetadataFormatException($"statement [{index}]: {e.Message}", e);
        }
    }

    [GeneratedRegex("^[0-9A-Fa-f]{4}#[0-9A-Fa-f]{4}$")]
    private static partial Regex AaidPattern();

    private static IReadOnlyList<UafVersion> ReadUpv(JsonElement statement)
    {
        var upv = MetadataJson.OptionalArray(statement, "upv");
        return upv.Count == 0
            ? [UafVersion.V1_1]
            : [.. upv.Select(v => new UafVersion(
                (ushort)MetadataJson.Integer(MetadataJson.Member(MetadataJson.RequireObject(v, "upv[]"), "major") ?? default, "upv.major", ushort.MaxValue),
                (ushort)MetadataJson.Integer(MetadataJson.Member(v, "minor") ?? default, "upv.minor", ushort.MaxValue)))];
    }

    /// <summary>A list of registry codes: numbers (pre-v3) or v3 strings, or a pre-v3 single number.</summary>
    private static IReadOnlyList<ushort> ReadCodes(
        JsonElement statement, string listName, string? singleName, FrozenDictionary<string, ushort> names)
    {
        var codes = new List<ushort>();
        foreach (var item in MetadataJson.OptionalArray(statement, listName))
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                if (names.TryGetValue(item.GetString()!, out var code))
                    codes.Add(code);
            }
            else
            {
                codes.Add((ushort)MetadataJson.Integer(item, listName, ushort.MaxValue));
            }
        }
        if (codes.Count == 0 && singleName is not null && MetadataJson.OptionalInteger(statement, singleName, ushort.MaxValue) is { } single)
            codes.Add((ushort)single);
        return codes.Count > 0
            ? codes
            : throw new MetadataFormatException($"'{listName}' must name at least one known value");
    }

    /// <summary>A flag set: a number (pre-v3) or an array of v3 strings OR-ed together.</summary>
    private static long ReadFlags(JsonElement statement, string name, FrozenDictionary<string, uint> names, long max) =>
        MetadataJson.Member(statement, name) switch
        {
            null => 0,
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.String
                    ? names.GetValueOrDefault(e.GetString()!)
                    : throw MetadataJson.Mismatch(name, "an array of strings", e))
                .Aggregate(0L, (acc, v) => acc | v),
            var v => MetadataJson.Integer(v.Value, name, max),
        };

    private static IReadOnlyList<IReadOnlyList<uint>> ReadUserVerificationDetails(JsonElement statement) =>
        [.. MetadataJson.OptionalArray(statement, "userVerificationDetails").Select(alternative =>
            alternative.ValueKind == JsonValueKind.Array
                ? (IReadOnlyList<uint>)[.. alternative.EnumerateArray().Select(ReadVerificationMethod)]
                : throw MetadataJson.Mismatch("userVerificationDetails", "an array of arrays", alternative))];

    private static uint ReadVerificationMethod(JsonElement descriptor)
    {
        MetadataJson.RequireObject(descriptor, "a VerificationMethodDescriptor");
        if (MetadataJson.OptionalString(descriptor, "userVerificationMethod") is { } method)
            return MetadataRegistryNames.UserVerificationMethods.TryGetValue(method, out var flag)
                ? flag
                : throw new MetadataFormatException($"unknown userVerificationMethod '{method}'");
        return (uint)(MetadataJson.OptionalInteger(descriptor, "userVerification", uint.MaxValue)
            ?? throw new MetadataFormatException("a VerificationMethodDescriptor needs userVerification or userVerificationMethod"));
    }

    private static DisplayPngCharacteristicsDescriptor ReadPng(JsonElement png)
    {
        MetadataJson.RequireObject(png, "tcDisplayPNGCharacteristics[]");
        byte Octet(string name) => (byte)(MetadataJson.OptionalInteger(png, name, byte.MaxValue) ?? 0);
        return new DisplayPngCharacteristicsDescriptor
        {
            Width = (uint)(MetadataJson.OptionalInteger(png, "width", uint.MaxValue) ?? 0),
            Height = (uint)(MetadataJson.OptionalInteger(png, "height", uint.MaxValue) ?? 0),
            BitDepth = Octet("bitDepth"),
            ColorType = Octet("colorType"),
            Compression = Octet("compression"),
            Filter = Octet("filter"),
            Interlace = Octet("interlace"),
            Plte = MetadataJson.Member(png, "plte") is null
                ? null
                : [.. MetadataJson.OptionalArray(png, "plte").Select(p => new RgbPaletteEntry(
                    (ushort)(MetadataJson.OptionalInteger(p, "r", ushort.MaxValue) ?? 0),
                    (ushort)(MetadataJson.OptionalInteger(p, "g", ushort.MaxValue) ?? 0),
                    (ushort)(MetadataJson.OptionalInteger(p, "b", ushort.MaxValue) ?? 0)))],
        };
    }

    private static UafExtension ReadExtension(JsonElement extension)
    {
        MetadataJson.RequireObject(extension, "supportedExtensions[]");
        return new UafExtension(
            MetadataJson.RequiredString(extension, "id"),
            MetadataJson.OptionalString(extension, "data") ?? "",
            MetadataJson.OptionalBoolean(extension, "fail_if_unknown") ?? false);
    }
}
