namespace FigiAuth.Server.Passkeys;

internal static partial class Log
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Passkey ceremony {Type} rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, string type, string reason);
}
