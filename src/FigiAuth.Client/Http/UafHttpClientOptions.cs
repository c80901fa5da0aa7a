namespace FigiAuth.Client.Http;

public sealed class UafHttpClientOptions
{
    /// <summary>The transport binding's media type.</summary>
    public const string FidoUafMediaType = "application/fido+uaf";

    /// <summary>
    /// Media type of request bodies (sent with <c>; charset=utf-8</c>). Default:
    /// <c>application/fido+uaf</c>; FigiAuth.Server also accepts <c>application/json</c>.
    /// </summary>
    public string ContentType { get; set; } = FidoUafMediaType;

    /// <summary>Path of the UAF endpoints relative to the HttpClient's BaseAddress. Default: <c>uaf/v1/</c>.</summary>
    public string UafPath { get; set; } = "uaf/v1/";

    /// <summary>Path of the user's pending DFS confirmations. Default: <c>confirmations/v1/pending</c>.</summary>
    public string PendingConfirmationsPath { get; set; } = "confirmations/v1/pending";

    /// <summary>Path of the DFS confirmations, ending in <c>/</c> (<c>{id}/reject</c> is added). Default: <c>confirmations/v1/</c>.</summary>
    public string ConfirmationsPath { get; set; } = "confirmations/v1/";

    /// <summary>Bearer token sent with every request when set (registration of a signed-in user, deregistration, approvals).</summary>
    public string? AccessToken { get; set; }
}
