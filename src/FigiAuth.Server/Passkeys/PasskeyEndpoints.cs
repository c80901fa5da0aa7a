using Fido2NetLib;
using FigiAuth.Server.Passkeys;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The passkey JSON API under /passkeys/v1 (bodies read with a size bound before parsing).</summary>
public static class PasskeyEndpoints
{
    public static RouteGroupBuilder MapPasskeyEndpoints(this IEndpointRouteBuilder app)
    {
        var passkeys = app.MapGroup("/passkeys/v1").WithTags("Passkeys").DisableAntiforgery();
        passkeys.MapPost("/register/options", RegisterOptionsAsync);
        passkeys.MapPost("/register/complete", RegisterCompleteAsync);
        passkeys.MapPost("/login/options", LoginOptionsAsync);
        passkeys.MapPost("/login/complete", LoginCompleteAsync);
        return passkeys;
    }

    static async Task<IResult> RegisterOptionsAsync(HttpContext context, PasskeyCeremonies ceremonies, IOptions<PasskeyOptions> options,
        CancellationToken ct)
    {
        var (body, error) = await PasskeyRequestReader.ReadAsync<PasskeyRegistrationRequest>(context.Request, options.Value.MaxRequestBytes, ct);
        return error ?? await ceremonies.RegisterOptionsAsync(context, body!, ct);
    }

    static async Task<IResult> RegisterCompleteAsync(HttpContext context, PasskeyCeremonies ceremonies, IOptions<PasskeyOptions> options,
        CancellationToken ct)
    {
        var (body, error) = await PasskeyRequestReader.ReadAsync<AuthenticatorAttestationRawResponse>(context.Request, options.Value.MaxRequestBytes, ct);
        return error ?? await ceremonies.RegisterCompleteAsync(context, body!, ct);
    }

    static async Task<IResult> LoginOptionsAsync(HttpContext context, PasskeyCeremonies ceremonies, IOptions<PasskeyOptions> options,
        CancellationToken ct)
    {
        var (body, error) = await PasskeyRequestReader.ReadAsync<PasskeyLoginRequest>(context.Request, options.Value.MaxRequestBytes, ct);
        return error ?? await ceremonies.LoginOptionsAsync(context, body!, ct);
    }

    static async Task<IResult> LoginCompleteAsync(HttpContext context, PasskeyCeremonies ceremonies, IOptions<PasskeyOptions> options,
        CancellationToken ct)
    {
        var (body, error) = await PasskeyRequestReader.ReadAsync<AuthenticatorAssertionRawResponse>(context.Request, options.Value.MaxRequestBytes, ct);
        return error ?? await ceremonies.LoginCompleteAsync(context, body!, ct);
    }
}
