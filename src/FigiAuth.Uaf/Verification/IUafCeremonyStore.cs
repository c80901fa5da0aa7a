using FigiAuth.Uaf.Messages;

namespace FigiAuth.Uaf.Verification;

/// <summary>
/// The server-side ledger of issued challenges (UAF-REQ-01, UAF-REG-05, UAF-AUTH-05). The host
/// implements it with one conditional update (e.g. <c>UPDATE ... SET consumed = now WHERE challenge = @c
/// AND op = @op AND consumed IS NULL RETURNING ...</c>): the first answer consumes the challenge
/// whatever its outcome, so a challenge can never be tried twice.
/// </summary>
public interface IUafCeremonyStore
{
    /// <summary>Marks <paramref name="challenge"/> used and returns what was issued with it, or null when unknown or already used.</summary>
    ValueTask<IssuedUafRequest?> TryConsumeAsync(string challenge, UafOperation operation, CancellationToken cancellationToken);
}
