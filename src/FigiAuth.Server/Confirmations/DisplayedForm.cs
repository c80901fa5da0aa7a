namespace FigiAuth.Server.Confirmations;

/// <summary>
/// What an authenticator displayed for a confirmation: <see cref="TextPlain"/> (the display text's UTF-8 bytes) or
/// <see cref="ImagePng"/> (the server's rendering of the display text for <see cref="Png"/>), and the SHA-256 of
/// exactly those bytes.
/// </summary>
public sealed record DisplayedForm(string ContentType, byte[] Hash, FigiAuth.Uaf.Messages.DisplayPngCharacteristicsDescriptor? Png = null)
{
    public const string TextPlain = "text/plain";
    public const string ImagePng = "image/png";
}
