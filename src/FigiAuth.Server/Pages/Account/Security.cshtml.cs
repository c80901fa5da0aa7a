using FigiAuth.Server.Audit;
using FigiAuth.Server.Data;
using FigiAuth.Server.Passkeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Pages.Account;

/// <summary>The user's UAF registrations and passkeys together, with rename and revoke (antiforgery-protected posts);
/// each change commits with its audit event.</summary>
[Authorize]
public sealed class SecurityModel(FigiAuthDbContext db, UserManager<FigiAuthUser> users, AuditLog audit) : PageModel
{
    public IReadOnlyList<SecurityKey> Keys { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var passkeys = await db.PasskeyCredentials.AsNoTracking().Where(c => c.UserId == user.Id).ToListAsync(ct);
        var uaf = await db.UafRegistrations.AsNoTracking().Where(r => r.UserId == user.Id).ToListAsync(ct);
        Keys =
        [
            .. passkeys.Select(c => new SecurityKey(c.Id, SecurityKeyKind.Passkey, c.Name ?? "Passkey",
                c.IsBackupEligible ? "Synced passkey" : "Passkey on this device", c.CreatedAt, c.LastUsedAt,
                c.Status == PasskeyCredentialStatus.Active)),
            .. uaf.Select(r => new SecurityKey(r.Id, SecurityKeyKind.Uaf, r.Name ?? "Phone app key", $"FIDO UAF authenticator {r.Aaid}",
                r.CreatedAt, r.LastUsedAt, r.Status == UafRegistrationStatus.Active)),
        ];
        Keys = [.. Keys.OrderByDescending(k => k.Active).ThenByDescending(k => k.CreatedAt)];
        return Page();
    }

    public Task<IActionResult> OnPostRenameAsync(Guid id, SecurityKeyKind kind, string? name, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 128)
        {
            Message = "Please enter a name between 1 and 128 characters.";
            return Task.FromResult<IActionResult>(RedirectToPage());
        }

        return ChangeAsync(id, kind, "renamed", ct, passkey => passkey.Name = trimmed, uaf => uaf.Name = trimmed,
            "The name was saved.");
    }

    public Task<IActionResult> OnPostRevokeAsync(Guid id, SecurityKeyKind kind, CancellationToken ct) =>
        ChangeAsync(id, kind, "revoked", ct, passkey => passkey.Status = PasskeyCredentialStatus.Revoked,
            uaf => uaf.Status = UafRegistrationStatus.Revoked, "The key was removed. It can no longer be used to sign in.");

    async Task<IActionResult> ChangeAsync(Guid id, SecurityKeyKind kind, string action, CancellationToken ct,
        Action<PasskeyCredential> changePasskey, Action<UafRegistration> changeUaf, string done)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        object? row = kind == SecurityKeyKind.Passkey
            ? await db.PasskeyCredentials.SingleOrDefaultAsync(c => c.Id == id && c.UserId == user.Id, ct)
            : await db.UafRegistrations.SingleOrDefaultAsync(r => r.Id == id && r.UserId == user.Id, ct);
        switch (row)
        {
            case PasskeyCredential passkey:
                changePasskey(passkey);
                break;
            case UafRegistration uaf:
                changeUaf(uaf);
                break;
            default:
                Message = "That key was not found. It may have been removed already.";
                return RedirectToPage();
        }

        var type = kind == SecurityKeyKind.Passkey ? $"passkey.credential.{action}" : $"uaf.registration.{action}";
        await audit.AppendAsync(db, new AuditEntry(type, user.Id, user.UserName, Detail: new Dictionary<string, string?>
        {
            ["id"] = id.ToString(),
            ["by"] = "user",
        }), ct);
        await transaction.CommitAsync(ct);
        Message = done;
        return RedirectToPage();
    }
}
