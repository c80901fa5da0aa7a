using FigiAuth.Server.Confirmations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Data;

/// <summary>
/// The one model. Each provider has a derived context with its own migrations
/// (<see cref="SqliteFigiAuthDbContext"/>, <see cref="PostgresFigiAuthDbContext"/>); services ask for this type.
/// </summary>
public abstract class FigiAuthDbContext(DbContextOptions options)
    : IdentityDbContext<FigiAuthUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<UafRegistration> UafRegistrations => Set<UafRegistration>();

    public DbSet<CeremonyChallenge> CeremonyChallenges => Set<CeremonyChallenge>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Confirmation> Confirmations => Set<Confirmation>();
    public DbSet<Passkeys.PasskeyCredential> PasskeyCredentials => Set<Passkeys.PasskeyCredential>();

    public DbSet<Admin.Metadata.MetadataOverride> MetadataOverrides => Set<Admin.Metadata.MetadataOverride>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfiguration(new ConfirmationConfiguration());
        builder.ApplyConfiguration(new Passkeys.PasskeyCredentialConfiguration());
        builder.ApplyConfiguration(new Admin.Metadata.MetadataOverrideConfiguration());

        builder.Entity<UafRegistration>(e =>
        {
            e.HasIndex(r => new { r.AppId, r.Aaid, r.KeyId }).IsUnique();
            e.HasIndex(r => r.UserId);
            e.Property(r => r.AppId).HasMaxLength(512);
            e.Property(r => r.Aaid).HasMaxLength(9);
            e.Property(r => r.KeyId).HasMaxLength(256);
            e.Property(r => r.Name).HasMaxLength(128);
            e.HasOne<FigiAuthUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CeremonyChallenge>(e =>
        {
            e.HasIndex(c => c.Challenge).IsUnique();
            e.HasIndex(c => c.ExpiresAt);
            e.Property(c => c.Challenge).HasMaxLength(64);
            e.Property(c => c.Username).HasMaxLength(256);
            e.Property(c => c.AppId).HasMaxLength(512);
        });

        builder.Entity<AuditEvent>(e =>
        {
            e.HasIndex(a => a.Seq).IsUnique();
            e.HasIndex(a => a.UserId);
            e.Property(a => a.Type).HasMaxLength(64);
            e.Property(a => a.Subject).HasMaxLength(256);
            e.Property(a => a.StepId).HasMaxLength(32);
        });

        builder.Entity<SigningKey>(e =>
        {
            e.HasKey(k => k.Kid);
            e.Property(k => k.Kid).HasMaxLength(64);
            e.Property(k => k.Algorithm).HasMaxLength(16);
        });
    }
}
