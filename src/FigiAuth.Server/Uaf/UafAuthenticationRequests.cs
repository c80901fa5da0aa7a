using FigiAuth.Server.Ceremonies;
using FigiAuth.Server.Data;
using FigiAuth.Server.HotPath;
using FigiAuth.Uaf;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Policy;
using FigiAuth.Uaf.Requests;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// POST /uaf/v1/get with op Auth and neither a transaction nor a confirmationId (UAF.md §8.1) on the hot path: one
/// indexed read for the user and its keys, the request built by the core, and the challenge row stored through the
/// group commit (committed, not waited for on disk, before the request is answered). Requests that confirm something go to
/// <see cref="UafRequestIssuer"/>, which creates the confirmation record with the challenge.
/// </summary>
internal sealed class UafAuthenticationRequests(HotPathDatabase hot, IMetadataStore metadata, UafSettings settings, TimeProvider time)
{
    /// <param name="username">context.username, or null for a username-less request.</param>
    /// <param name="normalizedUsername">The name as Identity normalizes it (the index the user is found by).</param>
    public async Task<UafGetAnswer> IssueAsync(string? username, string? normalizedUsername)
    {
        var user = normalizedUsername is null ? null : await hot.Reader.FindUserKeysAsync(normalizedUsername, settings.AppId);
        // An unknown user gets the same request as a username-less one (no key list to reveal either way).
        var policy = PolicyBuilder.ForAuthentication(metadata, user?.Keys.Select(k => new RegisteredKey(k.Aaid, k.KeyId)) ?? []);
        if (!policy.Succeeded)
        {
            return UafGetAnswer.Refused(policy.Failure);
        }

        var now = time.GetUtcNow();
        var issued = UafRequestBuilder.Authentication(settings.AppId, username, policy.Value, now + settings.ChallengeLifetime, null,
            settings.ServerData);
        if (!issued.Succeeded)
        {
            return UafGetAnswer.Refused(issued.Failure);
        }

        var ledger = issued.Value.Ledger;
        var row = ChallengeStore.NewRow(CeremonyPurpose.UafAuthentication, user?.UserId, ledger.Username, ledger.AppId,
            UafCeremonyLedger.PayloadJson(ledger), now, settings.ChallengeLifetime, ledger.Challenge);
        // Not durable (src/FigiAuth.Server/README.md): a crash may lose an unanswered challenge, which only makes the client
        // ask again; the answer's consume is a durable commit, and flushing it flushes this insert too.
        await hot.Writer.WriteAsync(batch =>
        {
            batch.InsertChallenge(row);
            return true;
        }, durable: false);
        // Committed: the answer may now peek it from memory (HotPathCache), and still consumes the row.
        hot.Cache.Challenges.TryAdd(row.Challenge, new PeekedChallenge(row.Challenge, row.Purpose, row.UserId, row.Username, row.AppId,
            row.PayloadJson, row.ExpiresAt, ledger with { ExpiresAt = row.ExpiresAt }), row.ExpiresAt, hot.Cache.Challenges.Generation);
        return UafGetAnswer.Issued(issued.Value.Json, UafOperation.Auth, settings.ChallengeLifetime);
    }
}
