using FigiAuth.Server.Confirmations;
using FigiAuth.Uaf;

namespace FigiAuth.Server.Uaf;

/// <summary>
/// The UAF statusCode for a confirmation that cannot be answered (docs/integration.md "The phone"): unknown or
/// another user's is 1404 when asked for (/get) and 1401 when answered (/respond); expired, cancelled, rejected,
/// already answered or an invalid challenge 1491; a content hash that is not the hash of what the server sent 1498.
/// </summary>
internal static class UafConfirmationStatus
{
    public static UafStatusCode ForRequest(ConfirmationFailureReason reason) =>
        reason == ConfirmationFailureReason.NotFound ? UafStatusCode.NotFound : ForResponse(reason);

    public static UafStatusCode ForResponse(ConfirmationFailureReason reason) => reason switch
    {
        ConfirmationFailureReason.NotFound => UafStatusCode.Unauthorized,
        ConfirmationFailureReason.ContentMismatch => UafStatusCode.UnacceptableContent,
        _ => UafStatusCode.RequestInvalid,
    };

    public static string Describe(ConfirmationFailureReason reason) => reason switch
    {
        ConfirmationFailureReason.NotFound => "no such confirmation for this user",
        ConfirmationFailureReason.Expired => "the confirmation has expired",
        ConfirmationFailureReason.Cancelled => "the confirmation was cancelled by the requester",
        ConfirmationFailureReason.Rejected => "the confirmation was rejected by the user",
        ConfirmationFailureReason.AlreadyAnswered => "the confirmation was already answered",
        ConfirmationFailureReason.ContentMismatch => "the confirmed content is not the confirmation's text",
        _ => "the confirmation cannot be answered with this challenge",
    };
}
