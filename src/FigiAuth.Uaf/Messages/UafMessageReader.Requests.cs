using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Messages;

// A client reading the requests a server sent (UAF-REQ-01 for every shape rule).
public static partial class UafMessageReader
{
    public static RegistrationRequest ReadRegistrationRequest(string uafRequest)
    {
        var steps = MessageSteps.Request(UafOperation.Reg);
        var (request, _) = ReadDictionary(uafRequest, UafJsonContext.Default.RegistrationRequest, steps, UafMessageReaderOptions.Strict);
        CheckHeader(request.Header, steps);
        CheckChallenge(request.Challenge, "challenge", steps.Types);
        CheckLength(request.Username, 1, UafLimits.MaxUsernameLength, "username", steps.Types);
        CheckPolicy(request.Policy, steps.Types);
        return request;
    }

    public static AuthenticationRequest ReadAuthenticationRequest(string uafRequest)
    {
        var steps = MessageSteps.Request(UafOperation.Auth);
        var (request, _) = ReadDictionary(uafRequest, UafJsonContext.Default.AuthenticationRequest, steps, UafMessageReaderOptions.Strict);
        CheckHeader(request.Header, steps);
        CheckChallenge(request.Challenge, "challenge", steps.Types);
        CheckPolicy(request.Policy, steps.Types);
        foreach (var transaction in request.Transaction ?? [])
            CheckTransaction(transaction ?? throw new UafFormatException(steps.Types, "a transaction is null"), steps.Types);
        return request;
    }

    public static DeregistrationRequest ReadDeregistrationRequest(string uafRequest)
    {
        var steps = MessageSteps.Request(UafOperation.Dereg);
        var (request, _) = ReadDictionary(uafRequest, UafJsonContext.Default.DeregistrationRequest, steps, UafMessageReaderOptions.Strict);
        CheckHeader(request.Header, steps);
        CheckDeregisterAuthenticators(request.Authenticators, steps.Types);
        return request;
    }

    private static void CheckPolicy(UafPolicy policy, string stepId)
    {
        // JSON nulls inside the arrays: nullable annotations do not reach collection elements.
        if (policy.Accepted.Count == 0 || policy.Accepted.Any(set => set is null || set.Count == 0 || set.Contains(null!)))
            throw new UafFormatException(stepId, "policy.accepted must be a non-empty list of non-empty sets");
    }

    internal static void CheckTransaction(Transaction transaction, string stepId)
    {
        if (!StrictBase64Url.TryDecode(transaction.Content, out var content) || content.Length == 0)
            throw new UafFormatException(stepId, "transaction content is not non-empty base64url");
        switch (transaction.ContentType)
        {
            case Transaction.TextPlain:
                break;
            case Transaction.ImagePng when transaction.TcDisplayPngCharacteristics is not null:
                break;
            default:
                throw new UafFormatException(stepId, "transaction is neither text/plain nor image/png with its characteristics");
        }
    }

    /// <summary>
    /// DEREG-01 shape: non-empty; each entry an AAID (or "") and a KeyID (or ""); an empty AAID only
    /// with an empty KeyID, and then as the first and only entry.
    /// </summary>
    internal static void CheckDeregisterAuthenticators(IReadOnlyList<DeregisterAuthenticator> authenticators, string stepId)
    {
        if (authenticators.Count == 0)
            throw new UafFormatException(stepId, "authenticators is empty");
        foreach (var entry in authenticators)
        {
            if (entry is null)
                throw new UafFormatException(stepId, "an authenticators entry is null");
            if (entry.Aaid.Length == 0)
            {
                if (entry.KeyId.Length != 0 || authenticators.Count != 1)
                    throw new UafFormatException(stepId, "an empty aaid must come with an empty keyID as the only entry");
                continue;
            }
            if (!UafLimits.IsAaid(entry.Aaid))
                throw new UafFormatException(stepId, "aaid is not an AAID");
            if (entry.KeyId.Length != 0 && !IsKeyId(entry.KeyId))
                throw new UafFormatException(stepId, "keyID is not base64url of 32..2048 bytes");
        }
    }

    internal static bool IsKeyId(string keyId) =>
        StrictBase64Url.TryDecode(keyId, out var bytes)
        && bytes.Length is >= UafLimits.MinKeyIdBytes and <= UafLimits.MaxKeyIdBytes;
}
