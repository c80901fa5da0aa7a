namespace FigiAuth.Server.Hosting;

/// <summary>How rejected UAF responses are reported.</summary>
public enum StatusProfile
{
    /// <summary>The specific 14xx/1500 status code of the failed step.</summary>
    Detailed,

    /// <summary>1498 for every rejected response, as the FIDO conformance tool expects.</summary>
    Conformance,
}
