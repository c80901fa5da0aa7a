using System.Text.Json;
using FigiAuth.Client.Authenticators;
using FigiAuth.Client.KeyStore;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Policy;
using FigiAuth.Uaf.Tlv;

namespace FigiAuth.Client;

public sealed partial class UafClient
{
    private const string AssertionScheme = "UAFV1TLV";

    /// <summary>
    /// Turns a RegistrationRequest array (the <c>uafRequest</c> string) into the RegistrationResponse
    /// array string, without any HTTP: useful to drive a server in-process.
    /// </summary>
    public async Task<string> CreateRegistrationResponseAsync(string uafRequest, CancellationToken cancellationToken = default) =>
        (await ProcessRegistrationAsync(uafRequest, cancellationToken).ConfigureAwait(false)).UafResponse;

    /// <summary>Turns an AuthenticationRequest array string into the AuthenticationResponse array string.</summary>
    public async Task<string> CreateAuthenticationResponseAsync(string uafRequest, CancellationToken cancellationToken = default) =>
        (await ProcessAuthenticationAsync(uafRequest, cancellationToken).ConfigureAwait(false)).UafResponse;

    private async Task<ProcessedRequest> ProcessRegistrationAsync(string uafRequest, CancellationToken cancellationToken)
    {
        var request = SelectVersion(uafRequest, ClientJsonContext.Default.RegistrationRequest, r => r.Header, UafOperation.Reg);
        var appId = await AuthorizeFacetAsync(request.Header, cancellationToken).ConfigureAwait(false);
        var chosen = await SelectForRegistrationAsync(request.Policy, appId, cancellationToken).ConfigureAwait(false);
        var fcParams = BuildFcParams(appId, request.Challenge);
        var assertions = new List<AuthenticatorRegistrationAssertion>();
        string keyId = "";
        foreach (var authenticator in chosen)
        {
            var assertion = await authenticator.RegisterAsync(appId, request.Username, fcParams, cancellationToken).ConfigureAwait(false);
            keyId = keyId.Length == 0 ? KeyIdOf(assertion, UafTag.UafV1RegAssertion, UafTag.UafV1Krd) : keyId;
            assertions.Add(new AuthenticatorRegistrationAssertion(AssertionScheme, StrictBase64Url.Encode(assertion),
                authenticator.Profile.TcDisplayPngCharacteristics.Count > 0 ? authenticator.Profile.TcDisplayPngCharacteristics : null));
        }
        RegistrationResponse[] response = [new(request.Header, fcParams, assertions)];
        return new(JsonSerializer.Serialize(response, UafJsonContext.Default.RegistrationResponseArray), chosen[0].Aaid, keyId);
    }

    private async Task<ProcessedRequest> ProcessAuthenticationAsync(string uafRequest, CancellationToken cancellationToken)
    {
        var request = SelectVersion(uafRequest, ClientJsonContext.Default.AuthenticationRequest, r => r.Header, UafOperation.Auth);
        var appId = await AuthorizeFacetAsync(request.Header, cancellationToken).ConfigureAwait(false);
        var chosen = await SelectForAuthenticationAsync(request, appId, cancellationToken).ConfigureAwait(false);
        var fcParams = BuildFcParams(appId, request.Challenge);
        var assertions = new List<AuthenticatorSignAssertion>();
        foreach (var (authenticator, key) in chosen)
        {
            var transaction = request.Transaction is { Count: > 0 } ? PickTransaction(request.Transaction, authenticator) : null;
            var assertion = await authenticator.SignAsync(appId, key.KeyId, fcParams, transaction, cancellationToken).ConfigureAwait(false);
            assertions.Add(new AuthenticatorSignAssertion(AssertionScheme, StrictBase64Url.Encode(assertion)));
        }
        AuthenticationResponse[] response = [new(request.Header, fcParams, assertions)];
        return new(JsonSerializer.Serialize(response, UafJsonContext.Default.AuthenticationResponseArray), chosen[0].Authenticator.Aaid, chosen[0].Key.KeyId);
    }

    /// <summary>
    /// Applies a DeregistrationRequest array string to the local keys (specific keys, every key of
    /// an AAID, or every key of the AppID). Returns how many keys were removed.
    /// </summary>
    public async Task<int> ApplyDeregistrationAsync(string uafRequest, CancellationToken cancellationToken = default)
    {
        var request = SelectVersion(uafRequest, ClientJsonContext.Default.DeregistrationRequest, r => r.Header, UafOperation.Dereg);
        var appId = await AuthorizeFacetAsync(request.Header, cancellationToken).ConfigureAwait(false);
        var entries = request.Authenticators;
        // An empty aaid means "every key of this AppID" and must be the first and only entry.
        if (entries.Count == 0
            || entries.Any(e => e.Aaid.Length == 0 && e.KeyId.Length > 0)
            || (entries.Any(e => e.Aaid.Length == 0) && entries.Count != 1))
            throw new UafClientException(UafClientErrorCode.ProtocolError, "the DeregistrationRequest's authenticators list is invalid");
        var removed = 0;
        foreach (var entry in entries)
        {
            foreach (var authenticator in _authenticators.Where(a => entry.Aaid.Length == 0
                         || string.Equals(a.Aaid, entry.Aaid, StringComparison.OrdinalIgnoreCase)))
                removed += await authenticator.DeregisterAsync(appId, entry.KeyId, cancellationToken).ConfigureAwait(false);
        }
        return removed;
    }

    /// <summary>
    /// First accepted AND-set (in server order) for which distinct authenticators exist, none of
    /// them disallowed; an authenticator with a disallowed key for this AppID is not offered again.
    /// </summary>
    private async Task<List<SoftwareAuthenticator>> SelectForRegistrationAsync(UafPolicy policy, string appId, CancellationToken cancellationToken)
    {
        var eligible = new List<SoftwareAuthenticator>();
        foreach (var authenticator in _authenticators)
        {
            var keys = await authenticator.GetKeysAsync(appId, null, cancellationToken).ConfigureAwait(false);
            var disallowed = policy.Disallowed?.Any(d => PolicyMatcher.Matches(d, authenticator.Metadata, null)
                || keys.Any(k => PolicyMatcher.Matches(d, authenticator.Metadata, k.KeyId))) == true;
            if (!disallowed)
                eligible.Add(authenticator);
        }
        foreach (var set in policy.Accepted)
        {
            var chosen = new List<SoftwareAuthenticator>();
            foreach (var criteria in set)
            {
                var match = eligible.FirstOrDefault(a => !chosen.Contains(a) && PolicyMatcher.Matches(criteria, a.Metadata, null));
                if (match is null)
                    break;
                chosen.Add(match);
            }
            if (set.Count > 0 && chosen.Count == set.Count)
                return chosen;
        }
        throw new UafClientException(UafClientErrorCode.NoSuitableAuthenticator, "no authenticator here satisfies the server's registration policy");
    }

    private async Task<List<(SoftwareAuthenticator Authenticator, KeyRecord Key)>> SelectForAuthenticationAsync(
        AuthenticationRequest request, string appId, CancellationToken cancellationToken)
    {
        var policy = request.Policy;
        var hasTransaction = request.Transaction is { Count: > 0 };
        var candidates = new List<(SoftwareAuthenticator Authenticator, KeyRecord Key)>();
        foreach (var authenticator in _authenticators)
        {
            if (hasTransaction && (authenticator.Metadata.TcDisplay == 0 || PickTransaction(request.Transaction!, authenticator) is null))
                continue;
            var keys = await authenticator.GetKeysAsync(appId, null, cancellationToken).ConfigureAwait(false);
            candidates.AddRange(keys.OrderByDescending(k => k.Created)
                .Where(k => policy.Disallowed?.Any(d => PolicyMatcher.Matches(d, authenticator.Metadata, k.KeyId)) != true)
                .Select(k => (authenticator, k)));
        }
        if (candidates.Count == 0)
            throw new UafClientException(UafClientErrorCode.NoSuitableAuthenticator,
                hasTransaction ? "no registered key here can display this transaction" : "no key is registered here for this AppID");
        foreach (var set in policy.Accepted)
        {
            var chosen = new List<(SoftwareAuthenticator Authenticator, KeyRecord Key)>();
            foreach (var criteria in set)
            {
                var match = candidates.FirstOrDefault(c => !chosen.Any(x => x.Authenticator == c.Authenticator)
                    && PolicyMatcher.Matches(criteria, c.Authenticator.Metadata, c.Key.KeyId));
                if (match.Authenticator is null)
                    break;
                chosen.Add(match);
            }
            if (set.Count > 0 && chosen.Count == set.Count)
                return chosen;
        }
        throw new UafClientException(UafClientErrorCode.NoSuitableAuthenticator, "no registered key here satisfies the server's authentication policy");
    }

    /// <summary>
    /// The transaction form this authenticator can show: its content type, and for PNG preferably
    /// an image made for one of its display sizes.
    /// </summary>
    private static Transaction? PickTransaction(IReadOnlyList<Transaction> transactions, SoftwareAuthenticator authenticator)
    {
        var contentType = authenticator.Profile.TcDisplayContentType;
        var forms = transactions.Where(t => t.ContentType == contentType).ToList();
        if (contentType == Transaction.ImagePng)
        {
            var sizes = authenticator.Profile.TcDisplayPngCharacteristics;
            return forms.FirstOrDefault(t => t.TcDisplayPngCharacteristics is { } c && sizes.Any(s => s.Width == c.Width && s.Height == c.Height))
                ?? forms.FirstOrDefault();
        }
        return forms.FirstOrDefault();
    }

    /// <summary>Reads the KeyID back out of a registration assertion the authenticator just made.</summary>
    private static string KeyIdOf(byte[] assertion, ushort outerTag, ushort signedTag)
    {
        var outer = UafTlvReader.ReadSingle(assertion, outerTag, "CLIENT").Children("CLIENT");
        var signed = outer.Read();
        var children = signed.Tag == signedTag ? signed.Children("CLIENT") : default;
        while (!children.End)
        {
            var element = children.Read();
            if (element.Tag == UafTag.KeyId)
                return StrictBase64Url.Encode(element.Value);
        }
        return "";
    }
}
