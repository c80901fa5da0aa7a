namespace FigiAuth.Client.Http;

/// <summary>Human meanings of the UAF transport-binding status codes.</summary>
public static class UafStatusCodes
{
    public static string Describe(int statusCode) => statusCode switch
    {
        1200 => "OK",
        1202 => "accepted, not completed yet",
        1400 => "bad request: the server did not understand the message",
        1401 => "unauthorized: sign in first, or the key does not belong to this user",
        1403 => "forbidden: the user may not do this",
        1404 => "not found",
        1408 => "request timeout",
        1480 => "unknown AAID: the server has no metadata for this authenticator",
        1481 => "unknown KeyID: the server has no registration for this key",
        1490 => "channel binding refused",
        1491 => "request invalid: the challenge is unknown, expired or already used",
        1492 => "unacceptable authenticator: not allowed by the server's policy",
        1493 => "revoked authenticator",
        1494 => "unacceptable key",
        1495 => "unacceptable algorithm",
        1496 => "unacceptable attestation",
        1497 => "unacceptable client capabilities",
        1498 => "unacceptable content: the server rejected the response",
        1500 => "internal server error",
        _ => "unknown status code",
    };
}
