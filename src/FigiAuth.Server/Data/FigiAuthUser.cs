using Microsoft.AspNetCore.Identity;

namespace FigiAuth.Server.Data;

public sealed class FigiAuthUser : IdentityUser<Guid>
{
}
