namespace FigiAuth.Uaf.Verification;

/// <summary>Which status code a rejected /respond message answers with (UAF.md §3.1).</summary>
public enum UafStatusProfile
{
    /// <summary>1498 for every rejected response, as the FIDO conformance tool expects. Default.</summary>
    Conformance,
    /// <summary>The specific code of the failed step (1480, 1481, 1490-1496, ...).</summary>
    Detailed,
}
