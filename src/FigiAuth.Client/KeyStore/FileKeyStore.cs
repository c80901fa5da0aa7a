using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FigiAuth.Client.KeyStore;

/// <summary>
/// A key store file encrypted at rest with a key derived from the user's PIN.
/// <para>
/// KDF: PBKDF2-HMAC-SHA256 (<see cref="Rfc2898DeriveBytes.Pbkdf2(byte[], byte[], int, HashAlgorithmName, int)"/>),
/// <see cref="DefaultIterations"/> iterations by default and never fewer than <see cref="MinimumIterations"/>,
/// 16-byte random salt. It yields 64 bytes: the AES-256-GCM key and a PIN check value, so a wrong
/// PIN and a tampered file are told apart. Encryption: AES-256-GCM, fresh 12-byte nonce per save,
/// the header as associated data.
/// </para>
/// <para>
/// Layout: "FGKS" | version (1) | kdf id (1, 1 = PBKDF2-SHA256) | iterations (UINT32 LE) | salt (16) |
/// PIN check (32) | nonce (12) | ciphertext | tag (16). Saves write a temporary file in the same
/// folder, flush it to disk, then rename it over the old file, so a crash leaves either the old or
/// the new store, never a torn one.
/// </para>
/// </summary>
public sealed class FileKeyStore : IKeyStore
{
    public const int DefaultIterations = 600_000;
    public const int MinimumIterations = 210_000;

    private const byte Version = 1;
    private const byte KdfPbkdf2Sha256 = 1;
    private const int SaltSize = 16;
    private const int CheckSize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 4 + 1 + 1 + 4 + SaltSize + CheckSize + NonceSize;
    private static ReadOnlySpan<byte> Magic => "FGKS"u8;

    private readonly string _pin;
    private readonly int _iterations;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public FileKeyStore(string path, string pin, int iterations = DefaultIterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(pin);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinimumIterations);
        Path = System.IO.Path.GetFullPath(path);
        _pin = pin;
        _iterations = iterations;
    }

    public string Path { get; }

    public async ValueTask<IReadOnlyList<KeyRecord>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!File.Exists(Path))
                return [];
            var file = await File.ReadAllBytesAsync(Path, cancellationToken).ConfigureAwait(false);
            return Decrypt(file);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask SaveAsync(IReadOnlyList<KeyRecord> records, CancellationToken cancellationToken = default)
    {
        var file = Encrypt(records);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var folder = System.IO.Path.GetDirectoryName(Path)!;
            Directory.CreateDirectory(folder);
            var temp = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                await using (var stream = new FileStream(temp, options))
                {
                    await stream.WriteAsync(file, cancellationToken).ConfigureAwait(false);
                    stream.Flush(flushToDisk: true);
                }
                File.Move(temp, Path, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp))
                    File.Delete(temp);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private byte[] Encrypt(IReadOnlyList<KeyRecord> records)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(records.ToArray(), ClientJsonContext.Default.KeyRecordArray);
        var file = new byte[HeaderSize + plaintext.Length + TagSize];
        var header = file.AsSpan(0, HeaderSize);
        Magic.CopyTo(header);
        header[4] = Version;
        header[5] = KdfPbkdf2Sha256;
        BinaryPrimitives.WriteInt32LittleEndian(header[6..], _iterations);
        var salt = header.Slice(10, SaltSize);
        RandomNumberGenerator.Fill(salt);
        var (key, check) = DeriveKeys(salt.ToArray(), _iterations);
        check.CopyTo(header.Slice(10 + SaltSize, CheckSize));
        var nonce = header.Slice(10 + SaltSize + CheckSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, file.AsSpan(HeaderSize, plaintext.Length), file.AsSpan(HeaderSize + plaintext.Length), header);
        CryptographicOperations.ZeroMemory(key);
        CryptographicOperations.ZeroMemory(plaintext);
        return file;
    }

    private KeyRecord[] Decrypt(byte[] file)
    {
        if (file.Length < HeaderSize + TagSize || !file.AsSpan(0, 4).SequenceEqual(Magic))
            throw new KeyStoreException(KeyStoreError.Corrupted, $"{Path} is not a FigiAuth key store");
        if (file[4] != Version || file[5] != KdfPbkdf2Sha256)
            throw new KeyStoreException(KeyStoreError.UnsupportedVersion, $"{Path} has format version {file[4]} (kdf {file[5]}); this build reads version {Version}");
        var header = file.AsSpan(0, HeaderSize);
        var iterations = BinaryPrimitives.ReadInt32LittleEndian(header[6..]);
        if (iterations < MinimumIterations)
            throw new KeyStoreException(KeyStoreError.Corrupted, $"{Path} declares too few KDF iterations");
        var (key, check) = DeriveKeys(header.Slice(10, SaltSize).ToArray(), iterations);
        if (!CryptographicOperations.FixedTimeEquals(check, header.Slice(10 + SaltSize, CheckSize)))
            throw new KeyStoreException(KeyStoreError.WrongPin, "wrong PIN for this key store");
        var nonce = header.Slice(10 + SaltSize + CheckSize, NonceSize);
        var ciphertext = file.AsSpan(HeaderSize, file.Length - HeaderSize - TagSize);
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(nonce, ciphertext, file.AsSpan(file.Length - TagSize), plaintext, header);
            return JsonSerializer.Deserialize(plaintext, ClientJsonContext.Default.KeyRecordArray) ?? [];
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new KeyStoreException(KeyStoreError.Corrupted, $"{Path} was modified or damaged (authentication tag mismatch)", e);
        }
        catch (JsonException e)
        {
            throw new KeyStoreException(KeyStoreError.Corrupted, $"{Path} holds unreadable records", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private (byte[] Key, byte[] Check) DeriveKeys(byte[] salt, int iterations)
    {
        var derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(_pin), salt, iterations, HashAlgorithmName.SHA256, 64);
        var key = derived[..32];
        // The check value is a hash of the second half, so the stored bytes reveal nothing about the key.
        var check = SHA256.HashData(derived.AsSpan(32));
        CryptographicOperations.ZeroMemory(derived);
        return (key, check);
    }
}
