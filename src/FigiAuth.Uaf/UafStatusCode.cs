namespace FigiAuth.Uaf;

/// <summary>
/// Status codes of the UAF transport binding (<c>ServerResponse.statusCode</c>,
/// <c>ReturnUAFRequest.statusCode</c>). HTTP stays 200 for every protocol outcome.
/// </summary>
/// <see href="https://fidoalliance.org/specs/fido-uaf-v1.1-ps-20170202/fido-uaf-client-api-transport-v1.1-ps-20170202.html#uaf-status-codes"/>
public enum UafStatusCode : ushort
{
    Ok = 1200,
    Accepted = 1202,
    BadRequest = 1400,
    Unauthorized = 1401,
    Forbidden = 1403,
    NotFound = 1404,
    RequestTimeout = 1408,
    UnknownAaid = 1480,
    UnknownKeyId = 1481,
    ChannelBindingRefused = 1490,
    RequestInvalid = 1491,
    UnacceptableAuthenticator = 1492,
    RevokedAuthenticator = 1493,
    UnacceptableKey = 1494,
    UnacceptableAlgorithm = 1495,
    UnacceptableAttestation = 1496,
    UnacceptableClientCapabilities = 1497,
    UnacceptableContent = 1498,
    InternalServerError = 1500,
}
