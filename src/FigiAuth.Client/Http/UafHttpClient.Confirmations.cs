using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;

namespace FigiAuth.Client.Http;

/// <summary>
/// The user's side of FigiAuth's DFS confirmations (docs/integration.md "The phone"), with the user's bearer
/// token (<see cref="UafHttpClientOptions.AccessToken"/>). Approving goes over UAF:
/// <see cref="UafClient.ConfirmPendingAsync"/>.
/// </summary>
public sealed partial class UafHttpClient
{
    /// <summary>
    /// The signed-in user's answerable confirmations, oldest first (<c>GET confirmations/v1/pending</c>, a JSON array).
    /// A refused token is a <see cref="UafServerException"/> with <see cref="UafServerException.HttpStatus"/> 401 or 403.
    /// </summary>
    public async Task<IReadOnlyList<PendingConfirmation>> GetPendingConfirmationsAsync(CancellationToken cancellationToken = default) =>
        await SendForJsonAsync(HttpMethod.Get, Options.PendingConfirmationsPath, ClientJsonContext.Default.PendingConfirmationArray, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Declines a pending confirmation (<c>POST confirmations/v1/{id}/reject</c>); returns it, now
    /// <see cref="ConfirmationStatus.Rejected"/>. Refusals are <see cref="UafServerException"/>s: HTTP 404 when the
    /// id is unknown or another user's, 409 when it is no longer pending (<see cref="UafServerException.Reason"/>
    /// says why: Expired, Cancelled, Rejected, AlreadyAnswered).
    /// </summary>
    public Task<ConfirmationState> RejectConfirmationAsync(string confirmationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(confirmationId);
        return SendForJsonAsync(HttpMethod.Post, $"{Options.ConfirmationsPath}{Uri.EscapeDataString(confirmationId)}/reject",
            ClientJsonContext.Default.ConfirmationState, cancellationToken);
    }

    private async Task<T> SendForJsonAsync<T>(HttpMethod method, string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        AddBearer(request);
        using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Parse(await ReadOkAsync(response, cancellationToken).ConfigureAwait(false), type);
    }
}
