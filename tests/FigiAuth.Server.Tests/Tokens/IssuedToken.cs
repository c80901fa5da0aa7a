using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace FigiAuth.Server.Tests.Tokens;

/// <summary>A compact JWS split and decoded as it is on the wire: the JSON of header and payload, the raw signature.</summary>
sealed record IssuedToken(string HeaderText, JsonElement Payload, byte[] Signature)
{
    public static IssuedToken Parse(string token)
    {
        var segments = token.Split('.');
        Assert.Equal(3, segments.Length);
        return new IssuedToken(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(segments[0])), Json(segments[1]),
            Base64Url.DecodeFromChars(segments[2]));
    }

    /// <summary>The payload JSON as written, to check its escaping.</summary>
    public string PayloadText => Payload.GetRawText();

    public string? Kid => JsonDocument.Parse(HeaderText).RootElement.GetProperty("kid").GetString();

    public string[] PayloadNames => Payload.EnumerateObject().Select(p => p.Name).ToArray();

    public string String(string name)
    {
        var value = Payload.GetProperty(name);
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        return value.GetString()!;
    }

    public long NumericDate(string name)
    {
        var value = Payload.GetProperty(name);
        Assert.Equal(JsonValueKind.Number, value.ValueKind);
        Assert.True(value.TryGetInt64(out var seconds), $"{name} is not an integer: {value}");
        return seconds;
    }

    public string[] Strings(string name)
    {
        var value = Payload.GetProperty(name);
        Assert.Equal(JsonValueKind.Array, value.ValueKind);
        return value.EnumerateArray().Select(e =>
        {
            Assert.Equal(JsonValueKind.String, e.ValueKind);
            return e.GetString()!;
        }).ToArray();
    }

    static JsonElement Json(string segment) => JsonDocument.Parse(Base64Url.DecodeFromChars(segment)).RootElement.Clone();
}
