using System.Text.Json.Nodes;
using FigiAuth.Uaf.Encoding;

namespace FigiAuth.Uaf.Tests.Fuzz;

/// <summary>
/// Seeded mutations of UAF JSON strings: character edits, token splices, nesting bombs, value type and
/// member changes on the parsed tree, and TLV mutations of the assertions and fcParams carried inside.
/// </summary>
public sealed class JsonMutator(Random random, TlvMutator tlv)
{
    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "false", "0", "-1", "1e400", "65536", "1.5",
        "\\u0000", "\\uD800", "\uFFFD", "\"upv\"", "\"header\"", "\"op\"", "\"Reg\"", "\"Auth\"", "\"Dereg\"",
        "\"assertions\"", "\"fcParams\"", "\"major\":1", "\"minor\":1", "\"challenge\"", "\"exts\"",
        "\"fail_if_unknown\":true", "\"id\":\"x\"", "=", "+", "/", "AAAA", "\u00e9", "\t", "\n",
    ];

    /// <summary>Random printable text, sometimes made of JSON tokens only.</summary>
    public string RandomText(int maxLength)
    {
        var builder = new System.Text.StringBuilder();
        var tokens = random.Next(2) == 0;
        while (builder.Length < maxLength && random.Next(maxLength + 1) > 0)
            builder.Append(tokens ? Tokens[random.Next(Tokens.Length)] : (char)random.Next(0x20, 0x7F));
        return builder.ToString();
    }

    public string Mutate(string valid)
    {
        var text = valid;
        for (var rounds = random.Next(1, 3); rounds > 0; rounds--)
            text = MutateOnce(text);
        return text;
    }

    private string MutateOnce(string text) => random.Next(10) switch
    {
        0 => EditCharacters(text),
        1 => SpliceToken(text),
        2 => text[..random.Next(text.Length + 1)],
        3 => Duplicate(text),
        4 => Bomb(),
        _ => MutateTree(text),
    };

    private string EditCharacters(string text)
    {
        if (text.Length == 0)
            return text;
        var chars = text.ToCharArray();
        for (var n = random.Next(1, 5); n > 0; n--)
            chars[random.Next(chars.Length)] = (char)random.Next(0x20, 0x7F);
        return new string(chars);
    }

    private string SpliceToken(string text)
    {
        var at = random.Next(text.Length + 1);
        var cut = random.Next(3) == 0 ? Math.Min(random.Next(1, 6), text.Length - at) : 0;
        return string.Concat(text.AsSpan(0, at), Tokens[random.Next(Tokens.Length)], text.AsSpan(at + cut));
    }

    private string Duplicate(string text)
    {
        if (text.Length == 0)
            return text;
        var start = random.Next(text.Length);
        var length = random.Next(1, Math.Min(200, text.Length - start) + 1);
        return text.Insert(start + length, text.Substring(start, length));
    }

    private string Bomb()
    {
        var depth = random.Next(10, 5000);
        return random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
    }

    // Text that System.Text.Json cannot take apart and put back (invalid JSON, duplicate members,
    // escaped lone surrogates) is spliced instead.
    private string MutateTree(string text)
    {
        try
        {
            return MutateParsed(text);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            return SpliceToken(text);
        }
    }

    private string MutateParsed(string text)
    {
        var root = JsonNode.Parse(text, documentOptions: new System.Text.Json.JsonDocumentOptions { AllowDuplicateProperties = false });
        if (root is null)
            return SpliceToken(text);
        var slots = new List<(JsonNode Parent, object Key)>();
        Collect(root, slots);
        if (slots.Count == 0)
            return SpliceToken(text);
        var (parent, key) = slots[random.Next(slots.Count)];
        var current = Get(parent, key);
        var replacement = random.Next(6) switch
        {
            0 => null,
            1 => (JsonNode)JsonValue.Create(random.Next(-3, 70000)),
            2 => JsonValue.Create(RandomText(20)),
            3 => new JsonArray(),
            4 when current is JsonValue v && v.TryGetValue<string>(out var s) => JsonValue.Create(MutateEmbedded(s)),
            _ => new JsonObject { ["x"] = RandomText(8) },
        };
        if (random.Next(8) == 0 && parent is JsonObject o && key is string name)
            o.Remove(name);
        else
            Set(parent, key, replacement);
        return root.ToJsonString();
    }

    // A base64url member (assertion, fcParams, serverData): mutate what it carries and re-encode it.
    private string MutateEmbedded(string value)
    {
        if (!StrictBase64Url.TryDecode(value, out var bytes) || bytes.Length == 0)
            return EditCharacters(value);
        if (bytes[0] == (byte)'{')
            return StrictBase64Url.Encode(System.Text.Encoding.UTF8.GetBytes(Mutate(System.Text.Encoding.UTF8.GetString(bytes))));
        return StrictBase64Url.Encode(tlv.Mutate(bytes));
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> slots)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToArray())
                {
                    slots.Add((o, name));
                    if (child is not null)
                        Collect(child, slots);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    slots.Add((a, i));
                    if (a[i] is { } child)
                        Collect(child, slots);
                }
                break;
        }
    }

    private static JsonNode? Get(JsonNode parent, object key) => key is string name ? parent[name] : parent[(int)key];

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (key is string name)
            parent[name] = value;
        else
            parent[(int)key] = value;
    }
}
