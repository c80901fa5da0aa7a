using System.Security.Claims;
using FigiAuth.Server.Admin;
using FigiAuth.Server.Confirmations;
using FigiAuth.Server.Data;
using FigiAuth.Server.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

public static class ConfirmationEndpoints
{
    /// <summary>
    /// /confirmations/v1 for DFS back ends (policy confirmations:write) and the user's phone (confirmations:user),
    /// and /admin/v1/confirmations for disputes (role admin).
    /// </summary>
    public static RouteGroupBuilder MapConfirmationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/confirmations/v1").WithTags("Confirmations");
        group.MapPost("/", CreateAsync).RequireAuthorization(ConfirmationPolicies.Write).RequireRateLimiting(RateLimitPolicies.PerUser);
        group.MapGet("/pending", ListPendingAsync).RequireAuthorization(ConfirmationPolicies.User);
        group.MapGet("/{id}", GetAsync).RequireAuthorization(ConfirmationPolicies.Write);
        group.MapGet("/{id}/receipt", GetReceiptAsync).RequireAuthorization(ConfirmationPolicies.Write);
        group.MapPost("/{id}/cancel", CancelAsync).RequireAuthorization(ConfirmationPolicies.Write);
        group.MapPost("/{id}/reject", RejectAsync).RequireAuthorization(ConfirmationPolicies.User);

        app.MapGroup("/admin/v1/confirmations").WithTags("Admin").RequireAuthorization(AdminPolicy.Name)
            .MapGet("/{id}", GetForAdminAsync);
        return group;
    }

    static async Task<Results<Created<ConfirmationView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateConfirmationRequest body, ClaimsPrincipal principal, ConfirmationService confirmations,
        UserManager<FigiAuthUser> users, IOptions<ConfirmationOptions> options, IHostEnvironment environment,
        TimeProvider time, CancellationToken ct)
    {
        var errors = ConfirmationRequestValidator.Validate(body, options.Value, environment.IsDevelopment(), out var valid);
        if (valid is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var userId = await FindUserAsync(users, valid, ct);
        if (userId is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["username"] = ["no single user with this username or phone"] });
        }

        var created = await confirmations.CreateAsync(
            valid.Draft with { UserId = userId.Value, ClientId = ConfirmationPolicies.ClientId(principal)! }, ct);
        if (created is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                title: "The user has too many pending confirmations");
        }

        return TypedResults.Created($"/confirmations/v1/{created.Id}", ConfirmationView.From(created, time.GetUtcNow()));
    }

    static async Task<Guid?> FindUserAsync(UserManager<FigiAuthUser> users, ValidatedConfirmationRequest request, CancellationToken ct)
    {
        if (request.Username is not null)
        {
            return (await users.FindByNameAsync(request.Username))?.Id;
        }

        var matches = await users.Users.Where(u => u.PhoneNumber == request.Phone).Select(u => u.Id).Take(2).ToListAsync(ct);
        return matches.Count == 1 ? matches[0] : null;
    }

    static async Task<Results<Ok<ConfirmationView>, NotFound>> GetAsync(string id, ClaimsPrincipal principal,
        ConfirmationService confirmations, TimeProvider time, CancellationToken ct) =>
        await confirmations.FindForClientAsync(id, ConfirmationPolicies.ClientId(principal)!, ct) is { } c
            ? TypedResults.Ok(ConfirmationView.From(c, time.GetUtcNow()))
            : TypedResults.NotFound();

    static async Task<Results<Ok<ReceiptView>, NotFound>> GetReceiptAsync(string id, ClaimsPrincipal principal,
        ConfirmationService confirmations, CancellationToken ct) =>
        await confirmations.FindForClientAsync(id, ConfirmationPolicies.ClientId(principal)!, ct) is { Receipt: { } receipt }
            ? TypedResults.Ok(new ReceiptView(id, receipt))
            : TypedResults.NotFound();

    static async Task<Results<Ok<ConfirmationView>, NotFound, ProblemHttpResult>> CancelAsync(string id, ClaimsPrincipal principal,
        ConfirmationService confirmations, TimeProvider time, CancellationToken ct) =>
        Answer(await confirmations.CancelAsync(id, ConfirmationPolicies.ClientId(principal)!, ct), time);

    static async Task<Ok<List<PendingConfirmationView>>> ListPendingAsync(ClaimsPrincipal principal,
        ConfirmationService confirmations, CancellationToken ct) =>
        TypedResults.Ok((await confirmations.ListPendingAsync(ConfirmationPolicies.UserId(principal)!.Value, ct))
            .Select(PendingConfirmationView.From).ToList());

    static async Task<Results<Ok<ConfirmationView>, NotFound, ProblemHttpResult>> RejectAsync(string id, ClaimsPrincipal principal,
        ConfirmationService confirmations, TimeProvider time, CancellationToken ct) =>
        Answer(await confirmations.RejectAsync(id, ConfirmationPolicies.UserId(principal)!.Value, ct), time);

    static Results<Ok<ConfirmationView>, NotFound, ProblemHttpResult> Answer(ConfirmationResult<Confirmation> result, TimeProvider time) =>
        result switch
        {
            { Succeeded: true } => TypedResults.Ok(ConfirmationView.From(result.Value!, time.GetUtcNow())),
            { Failure.Reason: ConfirmationFailureReason.NotFound } => TypedResults.NotFound(),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The confirmation is no longer pending",
                extensions: new Dictionary<string, object?> { ["reason"] = result.Failure!.Reason.ToString() }),
        };

    static async Task<Results<Ok<ConfirmationAdminView>, NotFound>> GetForAdminAsync(string id, FigiAuthDbContext db,
        TimeProvider time, CancellationToken ct) =>
        await db.Confirmations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } c
            ? TypedResults.Ok(ConfirmationAdminView.From(c, time.GetUtcNow()))
            : TypedResults.NotFound();
}
