using FigiAuth.Uaf.Messages;

namespace FigiAuth.Client;

public sealed class UafClientOptions
{
    /// <summary>
    /// This app's FacetID: a web origin (<c>https://host[:port]</c>), <c>android:apk-key-hash:…</c>
    /// or <c>ios:bundle-id:…</c>. It goes into <c>fcParams.facetID</c>.
    /// </summary>
    public required string FacetId { get; init; }

    /// <summary>TLS channel binding the client observed. Default: <c>{}</c> (unknown).</summary>
    public ChannelBinding ChannelBinding { get; init; } = new();

    /// <summary>Development only: accept <c>http://</c> AppIDs (e.g. a local server). Default: false.</summary>
    public bool AllowHttpAppId { get; init; }
}
