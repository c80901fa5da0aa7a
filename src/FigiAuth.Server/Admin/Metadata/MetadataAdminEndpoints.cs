using System.Security.Claims;
using System.Text.Json;
using FigiAuth.Server.Audit;
using FigiAuth.Server.Data;
using FigiAuth.Server.Uaf;
using FigiAuth.Uaf.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Admin.Metadata;

/// <summary>
/// /admin/v1/metadata (role admin, inherited from the admin group): list, add and remove trusted metadata statements,
/// and import an MDS3 BLOB. Each change is stored (<see cref="MetadataOverride"/>) in the transaction of its audit
/// event, then applied to this server's metadata; at start <see cref="MetadataOverrideLoader"/> applies the stored
/// changes over FigiAuth:Uaf:MetadataPath and MdsBlobPath. Refusals are audited too.
/// </summary>
public static class MetadataAdminEndpoints
{
    const int MaxBlobChars = 8 * 1024 * 1024;

    public static RouteGroupBuilder MapMetadataAdminEndpoints(this RouteGroupBuilder admin)
    {
        var metadata = admin.MapGroup("/metadata");
        metadata.MapGet("/statements", List);
        metadata.MapPost("/statements", AddAsync);
        metadata.MapDelete("/statements/{aaid}", RemoveAsync);
        metadata.MapPost("/blob", ImportBlobAsync);
        return metadata;
    }

    static Ok<List<MetadataStatementSummary>> List(UafMetadata metadata) =>
        TypedResults.Ok(metadata.All.OrderBy(e => e.Statement.Aaid, StringComparer.OrdinalIgnoreCase)
            .Select(MetadataStatementSummary.From).ToList());

    /// <summary>Adds (or replaces) one statement; the body is a metadata statement (v3 or pre-v3 JSON).</summary>
    static async Task<Results<Ok<MetadataStatementSummary>, ProblemHttpResult>> AddAsync(
        HttpRequest request, UafMetadata metadata, FigiAuthDbContext db, AuditLog audit, ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(ct);
        MetadataStatement statement;
        try
        {
            statement = MetadataStatementReader.Read(json);
        }
        catch (Exception e) when (e is MetadataFormatException or JsonException)
        {
            await AuditAsync(db, audit, "uaf.metadata.add.rejected", user, null, e.Message, ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a valid metadata statement", detail: e.Message);
        }

        var replaced = metadata.Find(statement.Aaid) is not null;
        await AuditAsync(db, audit, replaced ? "uaf.metadata.replaced" : "uaf.metadata.added", user, statement.Aaid, null, ct,
            new MetadataOverride
            {
                Id = MetadataOverride.StatementId(statement.Aaid), Kind = MetadataOverrideKind.Statement, Content = json,
                ChangedAt = time.GetUtcNow(),
            });
        metadata.AddOrReplace(statement);
        return TypedResults.Ok(MetadataStatementSummary.From(metadata.Find(statement.Aaid)!));
    }

    static async Task<Results<NoContent, NotFound>> RemoveAsync(
        string aaid, UafMetadata metadata, FigiAuthDbContext db, AuditLog audit, ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
    {
        // Only an administrator's or MetadataPath's statement can be removed (not a BLOB entry), which only Remove knows.
        if (metadata.Find(aaid) is not { } before || !metadata.Remove(aaid))
        {
            return TypedResults.NotFound();
        }

        try
        {
            await AuditAsync(db, audit, "uaf.metadata.removed", user, aaid, null, ct,
                new MetadataOverride { Id = MetadataOverride.StatementId(aaid), Kind = MetadataOverrideKind.Removal, ChangedAt = time.GetUtcNow() });
        }
        catch
        {
            metadata.AddOrReplace(before.Statement);
            throw;
        }

        return TypedResults.NoContent();
    }

    /// <summary>Imports an MDS3 BLOB (the body is the JWS); on any failure the last good BLOB stays and the answer says why.</summary>
    static async Task<Results<Ok<BlobImportAnswer>, ProblemHttpResult>> ImportBlobAsync(
        HttpRequest request, UafMetadata metadata, FigiAuthDbContext db, AuditLog audit, ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxBlobChars + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (read > MaxBlobChars)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "BLOB too large");
        }

        var jws = new string(buffer, 0, read).Trim();
        var result = metadata.HasMdsRoot
            ? metadata.Repository.ImportBlob(jws)
            : new MetadataImportResult(new FigiAuth.Uaf.UafFailure(FigiAuth.Uaf.UafStatusCode.UnacceptableContent, "MDS-01",
                "no MDS root certificate is configured (FigiAuth:Uaf:MdsRootCertificatePath)"), []);
        if (result.Failure is { } failure)
        {
            await AuditAsync(db, audit, "uaf.metadata.blob.rejected", user, null, $"{failure.StepId}: {failure.Detail}", ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "BLOB refused; the last good BLOB stays in use",
                detail: $"{failure.StepId}: {failure.Detail}");
        }

        // The BLOB is in use once verified (no roll-back below its no); if this commit fails, a restart goes back to
        // the last stored one.
        await AuditAsync(db, audit, "uaf.metadata.blob.imported", user, null, $"no {metadata.Repository.CurrentBlob?.No}", ct,
            new MetadataOverride { Id = MetadataOverride.BlobId, Kind = MetadataOverrideKind.Blob, Content = jws, ChangedAt = time.GetUtcNow() });
        return TypedResults.Ok(new BlobImportAnswer(metadata.Repository.CurrentBlob?.No, result.Warnings));
    }

    /// <summary>The audit event and, for an accepted change, the stored change commit in one transaction (SECURITY.md D5).</summary>
    static async Task AuditAsync(FigiAuthDbContext db, AuditLog audit, string type, ClaimsPrincipal user, string? aaid, string? reason,
        CancellationToken ct, MetadataOverride? change = null)
    {
        var actor = user.FindFirstValue("sub") ?? user.Identity?.Name;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (change is not null)
        {
            change.ChangedBy = actor;
            var stored = await db.MetadataOverrides.SingleOrDefaultAsync(m => m.Id == change.Id, ct);
            if (stored is null)
            {
                db.MetadataOverrides.Add(change);
            }
            else
            {
                db.Entry(stored).CurrentValues.SetValues(change);
            }
        }

        // AppendAsync saves the tracked change with the event.
        await audit.AppendAsync(db, new AuditEntry(type, Subject: aaid, Detail: new Dictionary<string, string?>
        {
            ["actor"] = actor,
            ["reason"] = reason,
        }), ct);
        await transaction.CommitAsync(ct);
    }
}

/// <summary>One trusted model as the admin API lists it.</summary>
public sealed record MetadataStatementSummary(string Aaid, string? Description, IReadOnlyList<string> AttestationTypes,
    string? TcDisplayContentType, IReadOnlyList<string> Status)
{
    public static MetadataStatementSummary From(MetadataEntry entry) => new(entry.Statement.Aaid, entry.Statement.Description,
        [.. entry.Statement.AttestationTypes.Select(t => $"0x{(ushort)t:X4}")], entry.Statement.TcDisplayContentType,
        [.. entry.StatusReports.Select(r => r.Status.ToString())]);
}

/// <summary>The answer to a successful BLOB import.</summary>
public sealed record BlobImportAnswer(long? No, IReadOnlyList<string> Warnings);
