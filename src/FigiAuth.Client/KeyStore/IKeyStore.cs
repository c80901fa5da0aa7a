namespace FigiAuth.Client.KeyStore;

/// <summary>Where a software authenticator keeps its keys. Saves replace the whole set.</summary>
public interface IKeyStore
{
    ValueTask<IReadOnlyList<KeyRecord>> LoadAsync(CancellationToken cancellationToken = default);

    ValueTask SaveAsync(IReadOnlyList<KeyRecord> records, CancellationToken cancellationToken = default);
}
