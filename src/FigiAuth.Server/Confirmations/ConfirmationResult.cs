using System.Diagnostics.CodeAnalysis;

namespace FigiAuth.Server.Confirmations;

/// <summary>Either a value or a <see cref="ConfirmationFailure"/>.</summary>
public readonly struct ConfirmationResult<T>
    where T : class
{
    ConfirmationResult(T? value, ConfirmationFailure? failure) => (Value, Failure) = (value, failure);

    public T? Value { get; }

    public ConfirmationFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static implicit operator ConfirmationResult<T>(T value) => new(value, null);

    public static implicit operator ConfirmationResult<T>(ConfirmationFailure failure) => new(null, failure);
}
