using FigiAuth.Uaf.Messages;

namespace FigiAuth.Uaf.Verification;

/// <summary>
/// The step IDs that the shared response checks (envelope, types, serverData, fcParams,
/// challenge, AppID, facet, channel binding) carry for one operation: REG-01..08 or AUTH-01..08.
/// </summary>
public sealed record MessageSteps(
    UafOperation Operation,
    string Envelope,
    string Types,
    string ServerData,
    string FinalChallengeParams,
    string Challenge,
    string AppId,
    string FacetId,
    string ChannelBinding)
{
    public static MessageSteps Registration { get; } = new(
        UafOperation.Reg, UafSteps.Reg01, UafSteps.Reg02, UafSteps.Reg03, UafSteps.Reg04,
        UafSteps.Reg05, UafSteps.Reg06, UafSteps.Reg07, UafSteps.Reg08);

    public static MessageSteps Authentication { get; } = new(
        UafOperation.Auth, UafSteps.Auth01, UafSteps.Auth02, UafSteps.Auth03, UafSteps.Auth04,
        UafSteps.Auth05, UafSteps.Auth06, UafSteps.Auth07, UafSteps.Auth08);

    /// <summary>A client reading a request: every shape rule is UAF-REQ-01.</summary>
    public static MessageSteps Request(UafOperation operation) => new(
        operation, UafSteps.Req01, UafSteps.Req01, UafSteps.Req01, UafSteps.Req01,
        UafSteps.Req01, UafSteps.Req01, UafSteps.Req01, UafSteps.Req01);
}
