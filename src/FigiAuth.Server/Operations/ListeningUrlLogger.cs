using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FigiAuth.Server.Operations;

/// <summary>Logs the URLs the server listens on once it started.</summary>
internal static partial class ListeningUrlLogger
{
    public static void LogListeningUrls(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Listening(app.Logger, address);
            }
        });
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "FigiAuth listening on {Url}")]
    static partial void Listening(ILogger logger, string url);
}
