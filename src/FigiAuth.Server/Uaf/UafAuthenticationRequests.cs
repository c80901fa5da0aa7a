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
/// indexed read for the user and its keys (or their copy in memory), the request built by the core, and the challenge row
/// stored through the group commit (not waited for on disk; on SQLite not waited for at all, see <see cref="IssueAsync"/>). Requests that confirm something go to
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
        // The answer peeks the challenge from memory (HotPathCache) and still consumes the row. Held before the insert is
        // queued, so no answer can come back before it is there.
        hot.Cache.Challenges.TryAdd(row.Challenge, new PeekedChallenge(row.Challenge, row.Purpose, row.UserId, row.Username, row.AppId,
            row.PayloadJson, row.ExpiresAt, ledger with { ExpiresAt = row.ExpiresAt }), row.ExpiresAt, hot.Cache.Challenges.Generation);
        // Not durable (src/FigiAuth.Server/README.md): a crash may lose an unanswered challenge, which only makes the client
        // ask again; the answer's consume is a durable commit, and flushing it flushes this insert too.
        if (hot.IsSingleNode)
        {
            // One process owns the database, and its one writer takes work in order: the answer's consume is queued after
            // this insert, whenever the answer comes. Not waiting keeps /get off the writer's flushes, and since nobody
            // waits, the insert may wait a moment for an answer's commit to share (WriteDurability.Deferred).
            _ = ForgetUnlessStoredAsync(Insert(row, WriteDurability.Deferred), row.Challenge);
        }
        else
        {
            // Another node may receive the answer: the row must be committed before anyone can know the challenge.
            await ForgetUnlessStoredAsync(Insert(row, WriteDurability.Relaxed), row.Challenge);
        }

        return UafGetAnswer.Issued(issued.Value.Json, UafOperation.Auth, settings.ChallengeLifetime);
    }

    Task<bool> Insert(CeremonyChallenge row, WriteDurability durability) => hot.Writer.WriteAsync(batch =>
    {
        batch.InsertChallenge(row);
        return true;
    }, durability);

    /// <summary>A challenge whose row could not be stored is not held either: its answer is refused as unknown (1491).</summary>
    async Task ForgetUnlessStoredAsync(Task<bool> stored, string challenge)
    {
        try
        {
            await stored;
        }
        catch (Exception)
        {
            // The group commit logged why.
            hot.Cache.Challenges.Remove(challenge);
            if (!hot.IsSingleNode)
            {
                throw;
            }
        }
    }
}
