using System.Buffers.Text;
using System.Security.Cryptography;
using FigiAuth.Server.Audit;
using FigiAuth.Server.Ceremonies;
using FigiAuth.Server.Data;
using FigiAuth.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Confirmations;

/// <summary>
/// The confirmation life cycle. Every change leaves <see cref="ConfirmationStatus.Pending"/> by one conditional
/// update (<c>WHERE Status = Pending AND ExpiresAt &gt; now</c>) and commits with its audit event (SECURITY.md
/// D1, D5). The answering paths (UAF /respond, passkeys) use the members in ConfirmationService.Answering.cs.
/// </summary>
public sealed partial class ConfirmationService(
    FigiAuthDbContext db,
    AuditLog audit,
    ReceiptIssuer receipts,
    ChallengeStore challenges,
    TimeProvider time,
    IOptions<FigiAuthOptions> serverOptions,
    IOptions<ConfirmationOptions> options)
{
    const int IdBytes = 32;

    /// <summary>Creates a pending confirmation; null when the user already has the most pending ones allowed.</summary>
    public async Task<Confirmation?> CreateAsync(NewConfirmation request, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var pending = await db.Set<Confirmation>().CountAsync(
            c => c.UserId == request.UserId && c.Status == ConfirmationStatus.Pending && c.ExpiresAt > now, cancellationToken);
        if (pending >= options.Value.MaxPendingPerUser)
        {
            return null;
        }

        var text = DisplayText.Build(request.AmountMinor, request.CurrencyExponent, request.Currency, request.PayeeName, request.PayeeAccount);
        var confirmation = new Confirmation
        {
            Id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(IdBytes)),
            UserId = request.UserId,
            ClientId = request.ClientId,
            AmountMinor = request.AmountMinor,
            CurrencyExponent = request.CurrencyExponent,
            Currency = request.Currency,
            PayeeName = request.PayeeName,
            PayeeAccount = request.PayeeAccount,
            DisplayText = text,
            DisplayTextHash = DisplayText.Hash(text),
            Status = ConfirmationStatus.Pending,
            CreatedAt = now,
            ExpiresAt = now + request.Lifetime,
            CallbackUrl = request.CallbackUrl,
        };
        db.Set<Confirmation>().Add(confirmation);
        await audit.AppendAsync(db, Entry("confirmation.created", confirmation, ("clientId", request.ClientId)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return confirmation;
    }

    /// <summary>
    /// An in-band UAF transaction (DESIGN.md "Transaction confirmation" 1): the user's own app asked to confirm
    /// <paramref name="text"/>; it becomes a pending confirmation of the user (client <see cref="Confirmation.InBandClientId"/>,
    /// amount and payee unknown) that the UAF answer completes like any other. Null when the text is not acceptable
    /// (<see cref="DisplayText.IsAcceptable"/>). Not counted against MaxPendingPerUser: no back end pushes it.
    /// </summary>
    public async Task<Confirmation?> CreateInBandAsync(Guid userId, string text, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        if (!DisplayText.IsAcceptable(text))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var confirmation = new Confirmation
        {
            Id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(IdBytes)),
            UserId = userId,
            ClientId = Confirmation.InBandClientId,
            DisplayText = text,
            DisplayTextHash = DisplayText.Hash(text),
            Status = ConfirmationStatus.Pending,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Set<Confirmation>().Add(confirmation);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(db, Entry("confirmation.created", confirmation, ("clientId", Confirmation.InBandClientId)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.Entry(confirmation).State = EntityState.Detached;
        return confirmation;
    }

    /// <summary>The confirmation if <paramref name="clientId"/> created it; another client's is not found.</summary>
    public Task<Confirmation?> FindForClientAsync(string id, string clientId, CancellationToken cancellationToken = default) =>
        db.Set<Confirmation>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.ClientId == clientId, cancellationToken);

    /// <summary>The user's confirmations that can still be answered, oldest first.</summary>
    public async Task<List<Confirmation>> ListPendingAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var rows = await db.Set<Confirmation>().AsNoTracking()
            .Where(c => c.UserId == userId && c.Status == ConfirmationStatus.Pending && c.ExpiresAt > now
                && c.ClientId != Confirmation.InBandClientId)
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(c => c.CreatedAt)];
    }

    /// <summary>The requesting client withdraws a pending confirmation.</summary>
    public Task<ConfirmationResult<Confirmation>> CancelAsync(string id, string clientId, CancellationToken cancellationToken = default) =>
        LeavePendingAsync(id, c => c.ClientId == clientId, ConfirmationStatus.Cancelled, "confirmation.cancelled", cancellationToken);

    /// <summary>The user declines a pending confirmation (SECURITY.md TC-14).</summary>
    public Task<ConfirmationResult<Confirmation>> RejectAsync(string id, Guid userId, CancellationToken cancellationToken = default) =>
        LeavePendingAsync(id, c => c.UserId == userId, ConfirmationStatus.Rejected, "confirmation.rejected", cancellationToken);

    /// <summary>Marks pending confirmations past their expiry as expired, each with its audit event; returns how many.</summary>
    public async Task<int> ExpireDueAsync(int batch = 100, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var due = await db.Set<Confirmation>().AsNoTracking()
            .Where(c => c.Status == ConfirmationStatus.Pending && c.ExpiresAt <= now)
            .Select(c => c.Id).Take(batch).ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changed = await db.Set<Confirmation>()
                .Where(c => c.Id == id && c.Status == ConfirmationStatus.Pending && c.ExpiresAt <= now)
                .ExecuteUpdateAsync(s => MarkAnswered(s, ConfirmationStatus.Expired, now), cancellationToken);
            if (changed == 1)
            {
                var row = await db.Set<Confirmation>().AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
                await audit.AppendAsync(db, Entry("confirmation.expired", row), cancellationToken);
                expired++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return expired;
    }

    async Task<ConfirmationResult<Confirmation>> LeavePendingAsync(string id,
        System.Linq.Expressions.Expression<Func<Confirmation, bool>> owner, ConfirmationStatus to, string auditType,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var owned = db.Set<Confirmation>().Where(c => c.Id == id).Where(owner);
        var changed = await owned.Where(c => c.Status == ConfirmationStatus.Pending && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => MarkAnswered(s, to, now), cancellationToken);
        var row = await owned.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (changed != 1 || row is null)
        {
            return Refusal(row, now) ?? new(ConfirmationFailureReason.AlreadyAnswered, "changed concurrently");
        }

        await audit.AppendAsync(db, Entry(auditType, row), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return row;
    }

    /// <summary>The common part of every state change: status, answer time, version, callback due when one is set.</summary>
    static void MarkAnswered(UpdateSettersBuilder<Confirmation> s, ConfirmationStatus to, DateTimeOffset now) => s
        .SetProperty(c => c.Status, to)
        .SetProperty(c => c.AnsweredAt, now)
        .SetProperty(c => c.Version, c => c.Version + 1)
        .SetProperty(c => c.CallbackDueAt, c => c.CallbackUrl == null ? null : now);

    /// <summary>Why a confirmation cannot be answered now, or null when it can.</summary>
    static ConfirmationFailure? Refusal(Confirmation? confirmation, DateTimeOffset now) => confirmation switch
    {
        null => new(ConfirmationFailureReason.NotFound, "no such confirmation for this user or client"),
        { Status: ConfirmationStatus.Confirmed } => new(ConfirmationFailureReason.AlreadyAnswered, "already confirmed"),
        { Status: ConfirmationStatus.Rejected } => new(ConfirmationFailureReason.Rejected, "rejected by the user"),
        { Status: ConfirmationStatus.Cancelled } => new(ConfirmationFailureReason.Cancelled, "cancelled by the client"),
        { Status: ConfirmationStatus.Expired } => new(ConfirmationFailureReason.Expired, "expired"),
        _ when confirmation.ExpiresAt <= now => new(ConfirmationFailureReason.Expired, "expired"),
        _ => null,
    };

    static AuditEntry Entry(string type, Confirmation confirmation, params (string Key, string? Value)[] extra)
    {
        var detail = new Dictionary<string, string?>
        {
            ["clientId"] = confirmation.ClientId,
            ["displayHash"] = Base64Url.EncodeToString(confirmation.DisplayTextHash),
        };
        foreach (var (key, value) in extra)
        {
            detail[key] = value;
        }

        return new AuditEntry(type, confirmation.UserId, confirmation.Id, Detail: detail);
    }
}
