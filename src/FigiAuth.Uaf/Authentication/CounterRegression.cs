namespace FigiAuth.Uaf.Authentication;

/// <summary>
/// UAF-AUTH-19 evidence: a SignCounter that did not grow, which may mean a cloned authenticator. The
/// host marks the registration <c>Suspect</c>, keeps the stored counter and raises an alert.
/// </summary>
public sealed record CounterRegression(string UserId, string Aaid, string KeyId, uint StoredCounter, uint ReceivedCounter);
