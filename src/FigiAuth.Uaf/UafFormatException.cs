namespace FigiAuth.Uaf;

/// <summary>
/// The one exception parsers throw: the bytes or JSON are not a well-formed UAF structure.
/// Public verifiers turn it into a <see cref="UafFailure"/> with <see cref="StepId"/>.
/// </summary>
public sealed class UafFormatException : Exception
{
    public UafFormatException(string stepId, string message, UafStatusCode status = UafStatusCode.UnacceptableContent)
        : base(message)
    {
        StepId = stepId;
        Status = status;
    }

    public UafFormatException(string stepId, string message, Exception inner, UafStatusCode status = UafStatusCode.UnacceptableContent)
        : base(message, inner)
    {
        StepId = stepId;
        Status = status;
    }

    public string StepId { get; }

    public UafStatusCode Status { get; }

    public UafFailure ToFailure() => new(Status, StepId, Message);
}
