namespace FigiAuth.Client;

/// <summary>
/// Client-side ErrorCode values of the FIDO UAF Application API (the numbers are the spec's).
/// </summary>
public enum UafClientErrorCode : byte
{
    NoError = 0x00,
    WaitUserAction = 0x01,
    InsecureTransport = 0x02,
    UserCancelled = 0x03,
    UnsupportedVersion = 0x04,
    NoSuitableAuthenticator = 0x05,
    ProtocolError = 0x06,
    UntrustedFacetId = 0x07,
    KeyDisappearedPermanently = 0x09,
    AuthenticatorAccessDenied = 0x0C,
    InvalidTransactionContent = 0x0D,
    UserNotResponsive = 0x0E,
    InsufficientAuthenticatorResources = 0x0F,
    UserLockout = 0x10,
    UserNotEnrolled = 0x11,
    Unknown = 0xFF,
}
