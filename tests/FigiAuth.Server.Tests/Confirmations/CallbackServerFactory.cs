using System.Collections.Concurrent;
using System.Net;
using FigiAuth.Server.Confirmations;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Confirmations;

/// <summary>
/// The server with a fast confirmation sweep whose callback POSTs never leave the process: they reach
/// <see cref="Received"/>; the first attempt to each URL answers 503 so the retry is exercised.
/// </summary>
public sealed class CallbackServerFactory : FigiAuthServerFactory
{
    public CallbackServerFactory()
    {
        Settings["FigiAuth:Confirmations:SweepInterval"] = "00:00:00.100";
        Settings["FigiAuth:Confirmations:CallbackRetryDelay"] = "00:00:00.200";
    }

    public ConcurrentQueue<(Uri Url, string Body, HttpStatusCode Answer)> Received { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddHttpClient(ConfirmationCallbackService.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new Recorder(this)));
    }

    sealed class Recorder(CallbackServerFactory owner) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var first = !owner.Received.Any(r => r.Url == request.RequestUri);
            var answer = first ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.NoContent;
            owner.Received.Enqueue((request.RequestUri!, await request.Content!.ReadAsStringAsync(cancellationToken), answer));
            return new HttpResponseMessage(answer);
        }
    }
}
