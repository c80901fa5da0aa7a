using FigiAuth.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FigiAuth.Server.Passkeys;

internal sealed class PasskeyCredentialConfiguration : IEntityTypeConfiguration<PasskeyCredential>
{
    public void Configure(EntityTypeBuilder<PasskeyCredential> e)
    {
        e.HasIndex(c => c.CredentialId).IsUnique();
        e.HasIndex(c => c.UserId);
        e.Property(c => c.CredentialId).HasMaxLength(1023);
        e.Property(c => c.Transports).HasMaxLength(128);
        e.Property(c => c.AttestationFormat).HasMaxLength(32);
        e.Property(c => c.Name).HasMaxLength(128);
        e.HasOne<FigiAuthUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
