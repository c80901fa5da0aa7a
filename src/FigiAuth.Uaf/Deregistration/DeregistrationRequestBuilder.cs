using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Requests;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Deregistration;

/// <summary>
/// UAF-DEREG-01: DeregistrationRequest (UAF.md §2.7, §8.4). The host passes only keys that belong to
/// the user and deletes its records when it issues the request. Invalid input fails with 1400.
/// </summary>
public static class DeregistrationRequestBuilder
{
    /// <summary>Specific keys: one <c>{aaid, keyID}</c> per key.</summary>
    public static UafResult<IssuedDeregistration> Keys(string appId, IReadOnlyCollection<(string Aaid, string KeyId)> keys)
    {
        if (keys.Count == 0 || keys.Any(k => k.KeyId.Length == 0))
            return Fail("specific keys need at least one (AAID, KeyID) with a non-empty KeyID");
        return Build(appId, keys.Select(k => new DeregisterAuthenticator(k.Aaid, k.KeyId)).ToArray());
    }

    /// <summary>Every key of one AAID: exactly one <c>{"aaid":AAID,"keyID":""}</c>.</summary>
    public static UafResult<IssuedDeregistration> AllOfAaid(string appId, string aaid) =>
        Build(appId, [new DeregisterAuthenticator(aaid, "")]);

    /// <summary>Every key for this AppID: exactly one <c>{"aaid":"","keyID":""}</c>.</summary>
    public static UafResult<IssuedDeregistration> All(string appId) =>
        Build(appId, [new DeregisterAuthenticator("", "")]);

    private static UafResult<IssuedDeregistration> Build(string appId, DeregisterAuthenticator[] authenticators)
    {
        if (UafRequestBuilder.CheckAppId(appId) is { } failure)
            return failure with { StepId = UafSteps.Dereg01 };
        try
        {
            UafMessageReader.CheckDeregisterAuthenticators(authenticators, UafSteps.Dereg01);
        }
        catch (UafFormatException e)
        {
            return Fail(e.Message);
        }
        var request = new DeregistrationRequest(
            new OperationHeader(UafVersion.V1_1, UafOperation.Dereg, appId.Length == 0 ? null : appId), authenticators);
        return new IssuedDeregistration(request, UafRequestBuilder.ToJson(request));
    }

    private static UafFailure Fail(string detail) => new(UafStatusCode.BadRequest, UafSteps.Dereg01, detail);
}
