namespace FigiAuth.Uaf.Verification;

/// <summary>
/// Stable step IDs of the server rules (UAF.md §8; table in <c>docs/specs/uaf-steps.md</c>).
/// Every ID a failure can carry is listed here, and the step table lists every one of them.
/// </summary>
public static class UafSteps
{
    // Issuing requests (and a client reading one).
    public const string Req01 = "UAF-REQ-01";
    public const string Req02 = "UAF-REQ-02";
    public const string Req03 = "UAF-REQ-03";

    /// <summary>The single /respond endpoint: <c>header.op</c> must be exactly "Reg" or "Auth".</summary>
    public const string Resp01 = "UAF-RESP-01";

    public const string Reg01 = "UAF-REG-01";
    public const string Reg02 = "UAF-REG-02";
    public const string Reg03 = "UAF-REG-03";
    public const string Reg04 = "UAF-REG-04";
    public const string Reg05 = "UAF-REG-05";
    public const string Reg06 = "UAF-REG-06";
    public const string Reg07 = "UAF-REG-07";
    public const string Reg08 = "UAF-REG-08";
    public const string Reg10 = "UAF-REG-10";
    public const string Reg11 = "UAF-REG-11";
    public const string Reg12 = "UAF-REG-12";
    public const string Reg13 = "UAF-REG-13";
    public const string Reg14 = "UAF-REG-14";
    public const string Reg15 = "UAF-REG-15";
    public const string Reg16 = "UAF-REG-16";
    public const string Reg17 = "UAF-REG-17";
    public const string Reg18 = "UAF-REG-18";
    public const string Reg19 = "UAF-REG-19";
    public const string Reg20 = "UAF-REG-20";

    public const string Auth01 = "UAF-AUTH-01";
    public const string Auth02 = "UAF-AUTH-02";
    public const string Auth03 = "UAF-AUTH-03";
    public const string Auth04 = "UAF-AUTH-04";
    public const string Auth05 = "UAF-AUTH-05";
    public const string Auth06 = "UAF-AUTH-06";
    public const string Auth07 = "UAF-AUTH-07";
    public const string Auth08 = "UAF-AUTH-08";
    public const string Auth10 = "UAF-AUTH-10";
    public const string Auth11 = "UAF-AUTH-11";
    public const string Auth12 = "UAF-AUTH-12";
    public const string Auth13 = "UAF-AUTH-13";
    public const string Auth14 = "UAF-AUTH-14";
    public const string Auth15 = "UAF-AUTH-15";
    public const string Auth16 = "UAF-AUTH-16";
    public const string Auth17 = "UAF-AUTH-17";
    public const string Auth18 = "UAF-AUTH-18";
    public const string Auth19 = "UAF-AUTH-19";
    public const string Auth20 = "UAF-AUTH-20";

    public const string Dereg01 = "UAF-DEREG-01";
}
