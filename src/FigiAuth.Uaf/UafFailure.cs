namespace FigiAuth.Uaf;

/// <summary>
/// Why a UAF message was rejected: the status code the client sees, the stable step ID of the
/// rule that failed (see <c>docs/specs/uaf-steps.md</c>), and a detail for logs only.
/// </summary>
public sealed record UafFailure(UafStatusCode Status, string StepId, string Detail)
{
    public override string ToString() => $"{StepId} {(int)Status}: {Detail}";
}
