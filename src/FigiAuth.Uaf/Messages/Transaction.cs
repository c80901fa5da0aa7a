using System.Text.Json.Serialization;

namespace FigiAuth.Uaf.Messages;

/// <summary>Transaction content to show: text/plain (base64url of the text) or image/png (base64url of the PNG).</summary>
public sealed record Transaction(
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("tcDisplayPNGCharacteristics")] DisplayPngCharacteristicsDescriptor? TcDisplayPngCharacteristics = null)
{
    public const string TextPlain = "text/plain";
    public const string ImagePng = "image/png";
}
