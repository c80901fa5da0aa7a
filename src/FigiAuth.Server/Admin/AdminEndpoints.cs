using System.Security.Claims;
using FigiAuth.Server.Admin;
using FigiAuth.Server.Admin.Metadata;
using FigiAuth.Server.Audit;
using FigiAuth.Server.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.AspNetCore.Builder;

public static class AdminEndpoints
{
    const int MaxPageSize = 500;

    /// <summary>/admin/v1: registrations and the audit log, role "admin" only.</summary>
    public static RouteGroupBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/v1").WithTags("Admin").RequireAuthorization(AdminPolicy.Name);
        admin.MapGet("/users/{userId:guid}/uaf-registrations", ListRegistrationsAsync);
        admin.MapPost("/uaf-registrations/{id:guid}/revoke", RevokeAsync);
        admin.MapGet("/audit", GetAuditAsync);
        admin.MapGet("/audit/verify", VerifyAuditAsync);
        admin.MapMetadataAdminEndpoints();
        return admin;
    }

    static async Task<Ok<List<UafRegistrationSummary>>> ListRegistrationsAsync(Guid userId, FigiAuthDbContext db, CancellationToken ct)
    {
        var rows = await db.UafRegistrations.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(ct);
        return TypedResults.Ok(rows.OrderBy(r => r.CreatedAt).Select(UafRegistrationSummary.From).ToList());
    }

    /// <summary>Revokes a registration; the status change and its audit event commit together.</summary>
    static async Task<Results<Ok<UafRegistrationSummary>, NotFound>> RevokeAsync(
        Guid id, RevokeRequest? body, FigiAuthDbContext db, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var registration = await db.UafRegistrations.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (registration is null)
        {
            return TypedResults.NotFound();
        }

        var previous = registration.Status;
        registration.Status = UafRegistrationStatus.Revoked;
        await audit.AppendAsync(db, new AuditEntry("uaf.registration.revoked", registration.UserId, registration.Id.ToString("D"),
            Detail: new Dictionary<string, string?>
            {
                ["actor"] = user.FindFirstValue("sub") ?? user.Identity?.Name,
                ["aaid"] = registration.Aaid,
                ["previousStatus"] = previous.ToString(),
                ["reason"] = body?.Reason,
            }), ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(UafRegistrationSummary.From(registration));
    }

    static async Task<Ok<AuditPage>> GetAuditAsync(FigiAuthDbContext db, CancellationToken ct, long afterSeq = 0, int limit = 100)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var rows = await db.AuditEvents.AsNoTracking().Where(a => a.Seq > afterSeq).OrderBy(a => a.Seq).Take(limit).ToListAsync(ct);
        return TypedResults.Ok(new AuditPage(rows.Select(AuditEventView.From).ToList(), rows.Count == limit ? rows[^1].Seq : null));
    }

    /// <summary>GET /admin/v1/audit/verify[?expectHead=SEQ:HASH]: the chain, and that it still holds a head recorded earlier.</summary>
    static async Task<Results<Ok<AuditVerification>, ProblemHttpResult>> VerifyAuditAsync(AuditChainVerifier verifier, string? expectHead,
        CancellationToken ct)
    {
        var recorded = AuditHead.TryParse(expectHead);
        if (expectHead is not null && recorded is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "expectHead is not SEQ:HASH",
                detail: "Pass the head a previous verification returned, e.g. 42:3q2-7w...");
        }

        return TypedResults.Ok(await verifier.VerifyAsync(recorded, ct));
    }
}
