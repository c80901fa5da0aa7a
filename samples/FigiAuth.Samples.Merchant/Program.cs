using System.Text.Json.Serialization;
using FigiAuth.Samples.FigiAuthApi;
using FigiAuth.Samples.Merchant;
using FigiAuth.Samples.Merchant.Payments;

// Content root = the app's folder, so `dotnet path/to/the.dll` finds its appsettings from any directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddFigiAuthApi();
builder.Services.AddOptions<MerchantOptions>().BindConfiguration("Merchant")
    .Validate(o => !string.IsNullOrEmpty(o.ApiKey), "Merchant:ApiKey is required (appsettings.Development.json has the development one)")
    .Validate(o => o.ConfirmationLifetimeSeconds is >= 30 and <= 900, "Merchant:ConfirmationLifetimeSeconds must be 30..900")
    .ValidateOnStart();
builder.Services.AddSingleton<PaymentStore>();
builder.Services.AddSingleton<PaymentService>();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
builder.Services.AddRazorPages();

var app = builder.Build();

app.UseExceptionHandler(failed => failed.Run(async context =>
{
    // FigiAuth down or refusing our client: say so, without internals.
    context.Response.StatusCode = StatusCodes.Status502BadGateway;
    await context.Response.WriteAsJsonAsync(new { title = "FigiAuth is not available" });
}));
app.UseStaticFiles();
app.MapRazorPages();
app.MapPaymentEndpoints();

app.Run();

public partial class Program;
