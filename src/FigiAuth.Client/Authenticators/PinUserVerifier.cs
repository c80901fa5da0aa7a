using System.Security.Cryptography;
using System.Text;

namespace FigiAuth.Client.Authenticators;

/// <summary>
/// Simulated user verification (passcode_internal): asks for the PIN and compares it with the
/// enrolled one. After <see cref="MaxAttempts"/> wrong PINs in a row the verifier locks.
/// One instance may be shared by several authenticator profiles of the same "phone".
/// </summary>
public sealed class PinUserVerifier
{
    private readonly byte[] _enrolledPinHash;
    private readonly Func<CancellationToken, ValueTask<string?>> _askPin;
    private readonly Lock _gate = new();
    private int _failures;

    /// <param name="enrolledPin">The PIN the user chose.</param>
    /// <param name="askPin">Asks the user for the PIN; null means the user cancelled.</param>
    /// <param name="maxAttempts">Wrong PINs in a row before lockout. Default: 5.</param>
    public PinUserVerifier(string enrolledPin, Func<CancellationToken, ValueTask<string?>> askPin, int maxAttempts = 5)
    {
        ArgumentException.ThrowIfNullOrEmpty(enrolledPin);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        _enrolledPinHash = SHA256.HashData(Encoding.UTF8.GetBytes(enrolledPin));
        _askPin = askPin;
        MaxAttempts = maxAttempts;
    }

    /// <summary>A verifier whose user always types <paramref name="pin"/> (scripts, tests).</summary>
    public static PinUserVerifier Fixed(string pin, int maxAttempts = 5) => new(pin, _ => ValueTask.FromResult<string?>(pin), maxAttempts);

    public int MaxAttempts { get; }

    public int RemainingAttempts { get { lock (_gate) return MaxAttempts - _failures; } }

    public bool IsLockedOut => RemainingAttempts <= 0;

    /// <summary>Verifies the user or throws <see cref="UafClientException"/>.</summary>
    public async ValueTask VerifyAsync(CancellationToken cancellationToken)
    {
        if (IsLockedOut)
            throw new UafClientException(UafClientErrorCode.UserLockout, "the authenticator is locked after too many wrong PINs");
        var pin = await _askPin(cancellationToken).ConfigureAwait(false)
            ?? throw new UafClientException(UafClientErrorCode.UserCancelled, "the user cancelled PIN entry");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(pin));
        lock (_gate)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, _enrolledPinHash))
            {
                _failures = 0;
                return;
            }
            _failures++;
            if (_failures >= MaxAttempts)
                throw new UafClientException(UafClientErrorCode.UserLockout, "wrong PIN; the authenticator is now locked");
            throw new UafClientException(UafClientErrorCode.AuthenticatorAccessDenied,
                $"wrong PIN ({MaxAttempts - _failures} attempts left)");
        }
    }
}
