using FigiAuth.Uaf.Messages;

namespace FigiAuth.Uaf.Requests;

/// <summary>Policy generation rules the conformance tool checks (UAF.md §2.4, UAF-REQ-02).</summary>
public static class UafPolicies
{
    /// <summary>Registration: adds <c>{"aaid":[aaid],"keyIDs":[keyID]}</c> to disallowed for each key the user already has.</summary>
    public static UafPolicy DisallowRegistered(UafPolicy policy, IEnumerable<(string Aaid, string KeyId)> registered)
    {
        var disallowed = (policy.Disallowed ?? []).Concat(
            registered.Select(r => new MatchCriteria { Aaid = [r.Aaid], KeyIds = [r.KeyId] })).ToArray();
        return policy with { Disallowed = disallowed };
    }

    /// <summary>Authentication: adds <c>[{"aaid":[aaid],"keyIDs":[keyID]}]</c> as an accepted alternative (second-factor keys, step-up).</summary>
    public static UafPolicy AcceptRegistered(UafPolicy policy, IEnumerable<(string Aaid, string KeyId)> registered)
    {
        var accepted = policy.Accepted.Concat(
            registered.Select(r => (IReadOnlyList<MatchCriteria>)[new MatchCriteria { Aaid = [r.Aaid], KeyIds = [r.KeyId] }])).ToArray();
        return policy with { Accepted = accepted };
    }
}
