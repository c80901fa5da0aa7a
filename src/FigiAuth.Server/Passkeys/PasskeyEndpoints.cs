using Fido2NetLib;
using FigiAuth.Server.Confirmations;
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
        passkeys.MapPost("/confirmations/{id}/options", (HttpContext context, string id, PasskeyCeremonies ceremonies,
            ConfirmationService confirmations, CancellationToken ct) => ceremonies.ConfirmationOptionsAsync(context, id, confirmations, ct));
        passkeys.MapPost("/confirmations/{id}/complete", (HttpContext context, string id, PasskeyCeremonies ceremonies,
            ConfirmationService confirmations, IOptions<PasskeyOptions> options, CancellationToken ct) =>
            WithBodyAsync<AuthenticatorAssertionRawResponse>(context, options,
                body => ceremonies.ConfirmationCompleteAsync(context, id, body, confirmations, ct), ct));
        return passkeys;
    }

    static Task<IResult> RegisterOptionsAsync(HttpContext context, PasskeyCeremonies ceremonies, IOptions<PasskeyOptions> options,
        CancellationToken ct) =>
        WithBodyAsync<PasskeyRegistrationRequest>(context, options, body => ceremonies.RegisterOptionsAsync(context, body, ct), ct);

    static Task<IResult> RegisterCompleteAsync(HttpContext context, PasskeyCeremonies ceremonies, IOptions<PasskeyOptions> options,
        CancellationToken ct) =>
        WithBodyAsync<AuthenticatorAttestationRawResponse>(context, options, body => ceremonies.RegisterCompleteAsync(context, body, ct), ct);

    static Task<IResult> LoginOptionsAsync(HttpContext context, PasskeyCeremonies ceremonies, IOptions<PasskeyOptions> options,
        CancellationToken ct) =>
        WithBodyAsync<PasskeyLoginRequest>(context, options, body => ceremonies.LoginOptionsAsync(context, body, ct), ct);

    static Task<IResult> LoginCompleteAsync(HttpContext context, PasskeyCeremonies ceremonies, IOptions<PasskeyOptions> options,
        CancellationToken ct) =>
        WithBodyAsync<AuthenticatorAssertionRawResponse>(context, options, body => ceremonies.LoginCompleteAsync(context, body, ct), ct);

    /// <summary>Reads the bounded JSON body, answering 400/413/415 itself, then hands it on.</summary>
    static async Task<IResult> WithBodyAsync<T>(HttpContext context, IOptions<PasskeyOptions> options, Func<T, Task<IResult>> handle,
        CancellationToken ct)
        where T : class
    {
        var (body, error) = await PasskeyRequestReader.ReadAsync<T>(context.Request, options.Value.MaxRequestBytes, ct);
        return error ?? await handle(body!);
    }
}
