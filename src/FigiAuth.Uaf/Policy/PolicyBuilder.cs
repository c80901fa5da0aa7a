using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;

namespace FigiAuth.Uaf.Policy;

/// <summary>
/// Default request policies (UAF-REQ-02, UAF.md §2.4 "server generation rules"), built from the
/// trusted metadata and the user's registrations. Models whose status is unacceptable
/// (<see cref="MetadataStatusPolicy.IsModelUnacceptable"/>) are never accepted and are disallowed.
/// </summary>
public static class PolicyBuilder
{
    /// <summary>
    /// Registration: accept each trusted AAID (one alternative each); disallow every (AAID, KeyID)
    /// the user already has with exactly <c>{"aaid":[aaid],"keyIDs":[keyID]}</c>.
    /// </summary>
    public static UafResult<UafPolicy> ForRegistration(IMetadataStore metadata, IEnumerable<RegisteredKey> userKeys)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(userKeys);
        var (acceptable, unacceptable) = Partition(metadata.All);
        if (acceptable.Count == 0)
            return new UafFailure(UafStatusCode.InternalServerError, PolicyValidator.StepId, "no trusted metadata with an acceptable status");
        var disallowed = userKeys.Select(k => new MatchCriteria { Aaid = [k.Aaid], KeyIds = [k.KeyId] })
            .Concat(unacceptable.Select(AaidOnly));
        return Build(acceptable.Select(a => (IReadOnlyList<MatchCriteria>)[AaidOnly(a)]), disallowed);
    }

    /// <summary>
    /// Authentication: accept the user's registered AAIDs; a second-factor-only model gets one
    /// alternative <c>[{"aaid":[aaid],"keyIDs":[keyID]}]</c> per key. With no registrations
    /// (user not yet known) any trusted AAID is accepted.
    /// </summary>
    public static UafResult<UafPolicy> ForAuthentication(IMetadataStore metadata, IEnumerable<RegisteredKey> userKeys)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(userKeys);
        var keys = userKeys.ToList();
        if (keys.Count == 0)
        {
            var (acceptable, unacceptable) = Partition(metadata.All);
            return acceptable.Count == 0
                ? new UafFailure(UafStatusCode.InternalServerError, PolicyValidator.StepId, "no trusted metadata with an acceptable status")
                : Build(acceptable.Select(a => (IReadOnlyList<MatchCriteria>)[AaidOnly(a)]), unacceptable.Select(AaidOnly));
        }

        var accepted = new List<IReadOnlyList<MatchCriteria>>();
        var disallowed = new List<MatchCriteria>();
        foreach (var model in keys.GroupBy(k => k.Aaid, StringComparer.OrdinalIgnoreCase))
        {
            var entry = metadata.Find(model.Key);
            if (entry is null)
                continue;
            if (MetadataStatusPolicy.IsModelUnacceptable(entry))
                disallowed.Add(AaidOnly(entry.Statement.Aaid));
            else if (entry.Statement.IsSecondFactorOnly)
                accepted.AddRange(model.Select(k => (IReadOnlyList<MatchCriteria>)[new MatchCriteria { Aaid = [entry.Statement.Aaid], KeyIds = [k.KeyId] }]));
            else
                accepted.Add([AaidOnly(entry.Statement.Aaid)]);
        }
        return accepted.Count == 0
            ? new UafFailure(UafStatusCode.UnacceptableAuthenticator, PolicyValidator.StepId, "the user has no authenticator with trusted, acceptable metadata")
            : Build(accepted, disallowed);
    }

    private static (List<string> Acceptable, List<string> Unacceptable) Partition(IEnumerable<MetadataEntry> trusted)
    {
        var sorted = trusted.OrderBy(e => e.Statement.Aaid, StringComparer.OrdinalIgnoreCase).ToList();
        return ([.. sorted.Where(e => !MetadataStatusPolicy.IsModelUnacceptable(e)).Select(e => e.Statement.Aaid)],
                [.. sorted.Where(MetadataStatusPolicy.IsModelUnacceptable).Select(e => e.Statement.Aaid)]);
    }

    private static MatchCriteria AaidOnly(string aaid) => new() { Aaid = [aaid] };

    private static UafPolicy Build(IEnumerable<IReadOnlyList<MatchCriteria>> accepted, IEnumerable<MatchCriteria> disallowed)
    {
        IReadOnlyList<MatchCriteria> excluded = [.. disallowed];
        return new UafPolicy([.. accepted], excluded.Count == 0 ? null : excluded);
    }
}
