namespace FigiAuth.Uaf.Messages;

/// <summary>
/// A response dictionary that passed the envelope and type checks (REG/AUTH-01, -02), with its
/// base64url members already decoded: <see cref="FinalChallengeParamsJson"/> is the UTF-8 JSON inside
/// <c>fcParams</c>, <see cref="Assertions"/> the TLV bytes of each assertion in message order.
/// </summary>
public sealed record UafResponseMessage<TResponse>(
    TResponse Message,
    UafVersion Version,
    byte[] FinalChallengeParamsJson,
    IReadOnlyList<byte[]> Assertions);
