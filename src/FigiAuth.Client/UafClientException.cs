namespace FigiAuth.Client;

/// <summary>The FIDO client or the authenticator refused to go on; <see cref="ErrorCode"/> says why.</summary>
public sealed class UafClientException : Exception
{
    public UafClientException(UafClientErrorCode errorCode, string message)
        : base(message) => ErrorCode = errorCode;

    public UafClientException(UafClientErrorCode errorCode, string message, Exception inner)
        : base(message, inner) => ErrorCode = errorCode;

    public UafClientErrorCode ErrorCode { get; }
}
