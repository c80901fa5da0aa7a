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

    /// <summary>The request log line of the UAF fast lane (the general pipeline's request logging does not see those requests).</summary>
    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms")]
    public static partial void Served(ILogger logger, string requestMethod, string requestPath, int statusCode, double elapsed);
}
