using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FigiAuth.Client.Authenticators;
using FigiAuth.Client.Facets;
using FigiAuth.Client.Http;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Client;

/// <summary>
/// A FIDO UAF client as on a phone: asks the server for a UAF request, checks version and facet,
/// picks authenticators that satisfy the policy, has them sign, and sends the response
/// (FIDO UAF Application API and Transport Binding; UAF.md §2, §3, §5).
/// </summary>
public sealed partial class UafClient
{
    private readonly UafHttpClient _http;
    private readonly IReadOnlyList<SoftwareAuthenticator> _authenticators;
    private readonly FacetAuthorizer _facets;

    /// <param name="http">Transport binding to the server.</param>
    /// <param name="authenticators">Available authenticators, in the user's order of preference.</param>
    /// <param name="options">FacetID and channel binding.</param>
    /// <param name="facets">TrustedFacetList checker; default: one over <paramref name="http"/>'s HttpClient.</param>
    public UafClient(UafHttpClient http, IEnumerable<SoftwareAuthenticator> authenticators, UafClientOptions options, FacetAuthorizer? facets = null)
    {
        _http = http;
        _authenticators = [.. authenticators];
        Options = options;
        _facets = facets ?? new FacetAuthorizer(http.Http, options.AllowHttpAppId);
    }

    public UafClientOptions Options { get; }

    /// <summary>Registers a new key for <paramref name="username"/> (context <c>{"username"}</c>).</summary>
    public Task<UafClientResult> RegisterAsync(string username, CancellationToken cancellationToken = default) =>
        RunAsync(UafOperation.Reg, new UafRequestContext { Username = username }, ProcessRegistrationAsync, cancellationToken);

    /// <summary>Authenticates; without <paramref name="username"/> any key of the AppID may answer.</summary>
    public Task<UafClientResult> AuthenticateAsync(string? username, CancellationToken cancellationToken = default) =>
        RunAsync(UafOperation.Auth, username is null ? null : new UafRequestContext { Username = username }, ProcessAuthenticationAsync, cancellationToken);

    /// <summary>In-band transaction confirmation (context <c>{"username","transaction"}</c>).</summary>
    public Task<UafClientResult> ConfirmTransactionAsync(string username, string transactionText, CancellationToken cancellationToken = default) =>
        RunAsync(UafOperation.Auth, new UafRequestContext { Username = username, Transaction = transactionText }, ProcessAuthenticationAsync, cancellationToken);

    /// <summary>Answers a pending DFS confirmation (context <c>{"username","confirmationId"}</c>).</summary>
    public Task<UafClientResult> ConfirmPendingAsync(string username, string confirmationId, CancellationToken cancellationToken = default) =>
        RunAsync(UafOperation.Auth, new UafRequestContext { Username = username, ConfirmationId = confirmationId }, ProcessAuthenticationAsync, cancellationToken);

    /// <summary>
    /// Asks the server to deregister (one AAID, or everything with <paramref name="all"/>, or the
    /// user's keys) and applies the DeregistrationRequest to the local keys. Returns how many keys were removed.
    /// </summary>
    public async Task<int> DeregisterAsync(string username, string? aaid = null, bool all = false, CancellationToken cancellationToken = default)
    {
        var context = new UafRequestContext { Username = username, DeregisterAaid = aaid, DeregisterAll = all ? true : null };
        var answer = await _http.GetUafRequestAsync(new GetUafRequest(UafOperation.Dereg, Context: context.ToJson()), cancellationToken).ConfigureAwait(false);
        return await ApplyDeregistrationAsync(RequireRequest(answer, UafOperation.Dereg), cancellationToken).ConfigureAwait(false);
    }

    private async Task<UafClientResult> RunAsync(UafOperation op, UafRequestContext? context,
        Func<string, CancellationToken, Task<ProcessedRequest>> process, CancellationToken cancellationToken)
    {
        var contextJson = context?.ToJson();
        var answer = await _http.GetUafRequestAsync(new GetUafRequest(op, Context: contextJson), cancellationToken).ConfigureAwait(false);
        var processed = await process(RequireRequest(answer, op), cancellationToken).ConfigureAwait(false);
        var response = await _http.SendUafResponseAsync(new SendUafResponse(processed.UafResponse, contextJson), cancellationToken).ConfigureAwait(false);
        return new UafClientResult(response, processed.Aaid, processed.KeyId);
    }

    private static string RequireRequest(ReturnUafRequest answer, UafOperation op)
    {
        if (answer.Op is { } answered && answered != op)
            throw new UafClientException(UafClientErrorCode.ProtocolError, $"asked for {op}, the server sent {answered}");
        return string.IsNullOrEmpty(answer.UafRequest)
            ? throw new UafClientException(UafClientErrorCode.ProtocolError, "the server sent no uafRequest")
            : answer.UafRequest;
    }

    /// <summary>
    /// Picks the UAF 1.1 dictionary out of a request array (a client must ignore versions it
    /// does not speak) and checks its operation.
    /// </summary>
    private static T SelectVersion<T>(string uafRequest, JsonTypeInfo<T> type, Func<T, OperationHeader> header, UafOperation op)
    {
        JsonElement array;
        try
        {
            array = JsonSerializer.Deserialize(uafRequest, ClientJsonContext.Default.JsonElement);
        }
        catch (JsonException e)
        {
            throw new UafClientException(UafClientErrorCode.ProtocolError, "uafRequest is not JSON", e);
        }
        if (array.ValueKind != JsonValueKind.Array)
            throw new UafClientException(UafClientErrorCode.ProtocolError, "uafRequest is not a JSON array");
        foreach (var entry in array.EnumerateArray())
        {
            if (!IsVersion11(entry))
                continue;
            T message;
            try
            {
                message = entry.Deserialize(type) ?? throw new JsonException("null message");
            }
            catch (JsonException e)
            {
                throw new UafClientException(UafClientErrorCode.ProtocolError, $"the UAF 1.1 {op} request is malformed: {e.Message}", e);
            }
            return header(message).Op == op
                ? message
                : throw new UafClientException(UafClientErrorCode.ProtocolError, $"expected a {op} request, got {header(message).Op}");
        }
        throw new UafClientException(UafClientErrorCode.UnsupportedVersion, "the request has no UAF 1.1 message");
    }

    private static bool IsVersion11(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object
        && entry.TryGetProperty("header", out var header) && header.ValueKind == JsonValueKind.Object
        && header.TryGetProperty("upv", out var upv) && upv.ValueKind == JsonValueKind.Object
        && upv.TryGetProperty("major", out var major) && major.ValueKind == JsonValueKind.Number && major.TryGetInt32(out var mj) && mj == 1
        && upv.TryGetProperty("minor", out var minor) && minor.ValueKind == JsonValueKind.Number && minor.TryGetInt32(out var mn) && mn == 1;

    /// <summary>fcParams = base64url(UTF-8(JSON(FinalChallengeParams))).</summary>
    private string BuildFcParams(string appId, string challenge)
    {
        var fcp = new FinalChallengeParams(appId, challenge, Options.FacetId, Options.ChannelBinding);
        return StrictBase64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(fcp, UafJsonContext.Default.FinalChallengeParams));
    }

    private Task<string> AuthorizeFacetAsync(OperationHeader header, CancellationToken cancellationToken) =>
        _facets.AuthorizeAsync(header.AppId, Options.FacetId, header.Upv, cancellationToken);

    private sealed record ProcessedRequest(string UafResponse, string Aaid, string KeyId);
}
