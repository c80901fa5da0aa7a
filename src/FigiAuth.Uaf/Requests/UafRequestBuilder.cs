using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Requests;

/// <summary>
/// Builds Reg and Auth requests (UAF.md §8.1): upv 1.1, a fresh challenge (32 random bytes), the header appID,
/// optional MAC'd serverData; returns the wire JSON and the ledger record the host must store.
/// Invalid inputs fail with 1400 and UAF-REQ-01 (UAF-REQ-03 for transactions).
/// </summary>
public static class UafRequestBuilder
{
    /// <summary>The challenge's random part: 32 bytes from the OS CSPRNG (UAF.md §8.1 REQ-01 recommends 32).</summary>
    public const int ChallengeBytes = 32;

    /// <summary>The challenge's ordered prefix: the expiry in Unix milliseconds as this many lowercase hex digits.</summary>
    public const int ChallengeOrderDigits = 12;

    /// <summary>
    /// base64url of 41 bytes (a ServerChallenge is base64url of 8..64 bytes, UAF.md §3): the first 12 characters spell
    /// <paramref name="expiresAt"/> in Unix milliseconds as lowercase hex — characters that are base64url too, 12 of them
    /// encode exactly 9 bytes, and they sort like the number —, the rest encodes 32 bytes from the OS CSPRNG. Challenges
    /// therefore sort by expiry: a store's unique index on them grows at its end instead of at a random page per
    /// request (one page fewer written per ceremony, and the just-issued ones stay in cache for their answer). The
    /// unpredictability is the 32 random bytes, as before; the expiry is no secret (it is in serverData's MAC'd text).
    /// </summary>
    public static string NewChallenge(DateTimeOffset expiresAt)
    {
        Span<byte> random = stackalloc byte[ChallengeBytes];
        RandomNumberGenerator.Fill(random);
        var milliseconds = (ulong)Math.Max(0, expiresAt.ToUnixTimeMilliseconds()) & 0xFFFF_FFFF_FFFF;
        return string.Concat(milliseconds.ToString("x12", CultureInfo.InvariantCulture), StrictBase64Url.Encode(random));
    }

    public static UafResult<IssuedUafMessage<RegistrationRequest>> Registration(
        string appId, string username, UafPolicy policy, DateTimeOffset expiresAt, ServerDataProtector? serverData = null)
    {
        var failure = CheckAppId(appId) ?? CheckUsername(username) ?? CheckPolicy(policy);
        if (failure is not null)
            return failure;
        var challenge = NewChallenge(expiresAt);
        var request = new RegistrationRequest(Header(UafOperation.Reg, appId, challenge, username, expiresAt, serverData), challenge, username, policy);
        var json = JsonSerializer.Serialize([request], UafJsonContext.Default.RegistrationRequestArray);
        return new IssuedUafMessage<RegistrationRequest>(request, json,
            new IssuedUafRequest(challenge, UafOperation.Reg, username, appId, policy, expiresAt));
    }

    /// <param name="username">The user, or null for a username-less authentication.</param>
    /// <param name="transactions">Forms of one transaction text (see <see cref="TransactionContent"/>).</param>
    public static UafResult<IssuedUafMessage<AuthenticationRequest>> Authentication(
        string appId, string? username, UafPolicy policy, DateTimeOffset expiresAt,
        IReadOnlyList<Transaction>? transactions = null, ServerDataProtector? serverData = null)
    {
        var failure = CheckAppId(appId) ?? (username is null ? null : CheckUsername(username)) ?? CheckPolicy(policy)
            ?? CheckTransactions(transactions);
        if (failure is not null)
            return failure;
        var challenge = NewChallenge(expiresAt);
        var request = new AuthenticationRequest(
            Header(UafOperation.Auth, appId, challenge, username, expiresAt, serverData), challenge, policy,
            transactions is { Count: > 0 } ? transactions : null);
        var json = JsonSerializer.Serialize([request], UafJsonContext.Default.AuthenticationRequestArray);
        var issued = transactions?.Select(t => new IssuedTransaction(t.ContentType, StrictBase64Url.Decode(t.Content, UafSteps.Req03, "content"))).ToArray();
        return new IssuedUafMessage<AuthenticationRequest>(request, json,
            new IssuedUafRequest(challenge, UafOperation.Auth, username, appId, policy, expiresAt, issued));
    }

    public static string ToJson(DeregistrationRequest request) =>
        JsonSerializer.Serialize([request], UafJsonContext.Default.DeregistrationRequestArray);

    private static OperationHeader Header(
        UafOperation op, string appId, string challenge, string? username, DateTimeOffset expiresAt, ServerDataProtector? protector) =>
        new(UafVersion.V1_1, op, appId.Length == 0 ? null : appId, protector?.Protect(op, challenge, username, expiresAt));

    internal static UafFailure? CheckAppId(string appId) =>
        appId.Length > UafLimits.MaxAppIdLength
            ? new UafFailure(UafStatusCode.BadRequest, UafSteps.Req01, "appID is longer than 512 characters")
            : null;

    private static UafFailure? CheckUsername(string username) =>
        username.Length is 0 or > UafLimits.MaxUsernameLength
            ? new UafFailure(UafStatusCode.BadRequest, UafSteps.Req01, "username must have 1..128 characters")
            : null;

    // UAF-REQ-02: accepted is a non-empty list of non-empty sets.
    private static UafFailure? CheckPolicy(UafPolicy policy) =>
        policy.Accepted.Count == 0 || policy.Accepted.Any(set => set.Count == 0)
            ? new UafFailure(UafStatusCode.BadRequest, UafSteps.Req02, "policy.accepted must be a non-empty list of non-empty sets")
            : null;

    // UAF-REQ-03: each transaction form is well formed.
    private static UafFailure? CheckTransactions(IReadOnlyList<Transaction>? transactions)
    {
        try
        {
            foreach (var transaction in transactions ?? [])
                UafMessageReader.CheckTransaction(transaction, UafSteps.Req03);
            return null;
        }
        catch (UafFormatException e)
        {
            return e.ToFailure() with { Status = UafStatusCode.BadRequest };
        }
    }
}
