using FigiAuth.Server.Data;
using Microsoft.AspNetCore.Identity;

namespace FigiAuth.Server.Accounts;

/// <summary>Finds users by username, creating them on demand (used by OpenEnrollment registration).</summary>
public sealed class UserDirectory(UserManager<FigiAuthUser> users)
{
    public Task<FigiAuthUser?> FindAsync(string username) => users.FindByNameAsync(username);

    /// <summary>
    /// Returns the user named <paramref name="username"/>, creating it without a password when missing.
    /// Safe under races: the unique normalized-username index makes a parallel creator lose, and it then finds
    /// the winner. Throws <see cref="InvalidOperationException"/> when Identity rejects the name.
    /// </summary>
    public async Task<FigiAuthUser> FindOrCreateAsync(string username)
    {
        if (await users.FindByNameAsync(username) is { } existing)
        {
            return existing;
        }

        var user = new FigiAuthUser { Id = Guid.CreateVersion7(), UserName = username };
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            result = IdentityResult.Failed(new IdentityErrorDescriber().DuplicateUserName(username));
        }

        if (result.Succeeded)
        {
            return user;
        }

        return await users.FindByNameAsync(username)
            ?? throw new InvalidOperationException($"cannot create user: {string.Join("; ", result.Errors.Select(e => e.Code))}");
    }
}
