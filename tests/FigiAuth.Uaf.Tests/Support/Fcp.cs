
using FigiAuth.Uaf.Encoding;

namespace FigiAuth.Uaf.Tests.Support;

/// <summary>fcParams as a client makes it: base64url(UTF-8(JSON)).</summary>
public static class Fcp
{
    public static string Encode(string appId, string challenge, string facetId, string channelBindingJson = "{}") =>
        EncodeJson($$"""{"appID":"{{appId}}","challenge":"{{challenge}}","channelBinding":{{channelBindingJson}},"facetID":"{{facetId}}"}""");

    public static string EncodeJson(string json) => StrictBase64Url.Encode(System.Text.Encoding.UTF8.GetBytes(json));
}
