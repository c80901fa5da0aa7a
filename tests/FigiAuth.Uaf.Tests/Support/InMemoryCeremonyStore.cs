using System.Collections.Concurrent;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Tests.Support;

/// <summary>Consumes a challenge on its first answer, like the host's conditional update.</summary>
public sealed class InMemoryCeremonyStore : IUafCeremonyStore
{
    private readonly ConcurrentDictionary<string, IssuedUafRequest> _issued = new(StringComparer.Ordinal);

    public void Add(IssuedUafRequest request) => _issued[request.Challenge] = request;

    public ValueTask<IssuedUafRequest?> TryConsumeAsync(string challenge, UafOperation operation, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_issued.TryRemove(challenge, out var issued) ? issued : null);
}
