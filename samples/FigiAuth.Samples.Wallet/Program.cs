using System.Text.Json.Serialization;
using FigiAuth.Samples.Wallet;
using FigiAuth.Samples.Wallet.Data;
using FigiAuth.Samples.Wallet.Transfers;
using Microsoft.EntityFrameworkCore;

// Content root = the app's folder, so `dotnet path/to/the.dll` finds its appsettings from any directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddFigiAuthApi();
builder.Services.AddWalletAuthentication();
builder.Services.AddOptions<WalletOptions>().BindConfiguration("Wallet")
    .Validate(o => o.StartingBalance >= 0 && o.CurrencyExponent is >= 0 and <= 4, "Wallet:StartingBalance and Wallet:CurrencyExponent are out of range")
    .Validate(o => o.ConfirmationLifetimeSeconds is >= 30 and <= 900, "Wallet:ConfirmationLifetimeSeconds must be 30..900")
    .ValidateOnStart();
builder.Services.AddDbContext<WalletDb>(o => o.UseSqlite(builder.Configuration.GetConnectionString("Wallet") ?? "Data Source=wallet.db"));
builder.Services.AddScoped<TransferService>();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
builder.Services.AddRazorPages();

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<WalletDb>();
    await db.Database.EnsureCreatedAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
}

app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();
app.MapWalletEndpoints();

app.Run();

public partial class Program;
