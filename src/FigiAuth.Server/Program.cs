using FigiAuth.Server.Audit;
using FigiAuth.Server.Hosting;
using Serilog;

var verifyAudit = args.Contains(VerifyAuditCommand.Name);
args = [.. args.Where(a => a != VerifyAuditCommand.Name)];

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"])
    && string.IsNullOrEmpty(builder.Configuration["https_ports"]))
{
    // Loopback only unless told otherwise (ASPNETCORE_URLS, --urls).
    builder.WebHost.UseUrls(FigiAuthOptionsSetup.DevelopmentUrl);
}

// preserveStaticLogger: each host owns its logger; several hosts in one process (tests) must not
// dispose a static logger another host is still writing to.
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture),
    preserveStaticLogger: true);
builder.Services.AddFigiAuth();

var app = builder.Build();
if (verifyAudit)
{
    return await VerifyAuditCommand.RunAsync(app.Services, Console.Out);
}

app.UseFigiAuth();
await app.RunAsync();
return 0;

public partial class Program;
