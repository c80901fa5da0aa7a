namespace FigiAuth.Client.KeyStore;

/// <summary>A key store that forgets everything with the process (tests, in-process end-to-end runs).</summary>
public sealed class InMemoryKeyStore : IKeyStore
{
    private IReadOnlyList<KeyRecord> _records = [];

    public ValueTask<IReadOnlyList<KeyRecord>> LoadAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Volatile.Read(ref _records));

    public ValueTask SaveAsync(IReadOnlyList<KeyRecord> records, CancellationToken cancellationToken = default)
    {
        Volatile.Write(ref _records, [.. records]);
        return ValueTask.CompletedTask;
    }
}
