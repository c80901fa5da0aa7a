using System.Diagnostics.CodeAnalysis;

namespace FigiAuth.Uaf;

/// <summary>Either a value or the <see cref="UafFailure"/> that prevented it.</summary>
public readonly struct UafResult<T>
{
    private readonly T? _value;

    private UafResult(T? value, UafFailure? failure)
    {
        _value = value;
        Failure = failure;
    }

    public UafFailure? Failure { get; }

    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    /// <summary>The value; throws when the result is a failure.</summary>
    public T Value => Failure is null
        ? _value!
        : throw new InvalidOperationException($"The UAF operation failed: {Failure}");

    public static implicit operator UafResult<T>(T value) => new(value, null);

    public static implicit operator UafResult<T>(UafFailure failure) =>
        new(default, failure ?? throw new ArgumentNullException(nameof(failure)));

    public override string ToString() => Succeeded ? $"Ok({_value})" : $"Failed({Failure})";
}
