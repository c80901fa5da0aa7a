using FigiAuth.Uaf.Messages;

namespace FigiAuth.Uaf.Policy;

/// <summary>
/// Checks that a policy is well formed before a request carries it (UAF-REQ-02, UAF.md §2.4):
/// <c>accepted</c> is a non-empty list of non-empty sets; a criteria with <c>aaid</c> combines
/// only with <c>keyIDs</c>, <c>attachmentHint</c>, <c>authenticatorVersion</c>, <c>exts</c>; one
/// without <c>aaid</c> has both <c>authenticationAlgorithms</c> and <c>assertionSchemes</c>.
/// The conformance tool checks both rules on accepted and disallowed entries.
/// </summary>
public static class PolicyValidator
{
    public const string StepId = "UAF-REQ-02";

    public static UafFailure? Validate(UafPolicy policy)
    {
        if (policy?.Accepted is not { Count: > 0 } accepted)
            return Fail("accepted must be a non-empty list");
        for (var i = 0; i < accepted.Count; i++)
        {
            if (accepted[i] is not { Count: > 0 } set)
                return Fail($"accepted[{i}] must be a non-empty list");
            for (var j = 0; j < set.Count; j++)
            {
                if (CheckCriteria(set[j]) is { } problem)
                    return Fail($"accepted[{i}][{j}]: {problem}");
            }
        }
        var disallowed = policy.Disallowed ?? [];
        for (var i = 0; i < disallowed.Count; i++)
        {
            if (CheckCriteria(disallowed[i]) is { } problem)
                return Fail($"disallowed[{i}]: {problem}");
        }
        return null;
    }

    private static string? CheckCriteria(MatchCriteria? c)
    {
        if (c is null)
            return "null criteria";
        if (c.Aaid is not null)
        {
            if (c.Aaid.Count == 0)
                return "aaid must not be empty";
            var extra = c.VendorId is not null || c.UserVerification is not null || c.KeyProtection is not null
                || c.MatcherProtection is not null || c.TcDisplay is not null || c.AuthenticationAlgorithms is not null
                || c.AssertionSchemes is not null || c.AttestationTypes is not null;
            return extra ? "aaid combines only with keyIDs, attachmentHint, authenticatorVersion and exts" : null;
        }
        return c.AuthenticationAlgorithms is { Count: > 0 } && c.AssertionSchemes is { Count: > 0 }
            ? null
            : "without aaid both authenticationAlgorithms and assertionSchemes are required";
    }

    private static UafFailure Fail(string detail) => new(UafStatusCode.BadRequest, StepId, detail);
}
