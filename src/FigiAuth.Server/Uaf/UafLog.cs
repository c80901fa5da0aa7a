using FigiAuth.Uaf;

namespace FigiAuth.Server.Uaf;

/// <summary>One log line per rejection, at the endpoint boundary: step ID and status, never challenges, keys or user data.</summary>
internal static partial class UafLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "UAF {Operation} request refused at {StepId} with {Status}")]
    public static partial void RequestRefused(ILogger logger, string operation, string stepId, UafStatusCode status);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "UAF {Operation} response rejected at {StepId} with {Status}")]
    public static partial void ResponseRejected(ILogger logger, string operation, string stepId, UafStatusCode status);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "UAF counter regression at {StepId}: registration marked suspect")]
    public static partial void CounterRegression(ILogger logger, string stepId);
}
