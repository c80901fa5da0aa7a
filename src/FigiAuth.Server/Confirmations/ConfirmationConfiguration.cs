using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FigiAuth.Server.Confirmations;

internal sealed class ConfirmationConfiguration : IEntityTypeConfiguration<Confirmation>
{
    public void Configure(EntityTypeBuilder<Confirmation> e)
    {
        e.Property(c => c.Id).HasMaxLength(64);
        e.Property(c => c.ClientId).HasMaxLength(200);
        e.Property(c => c.Currency).HasMaxLength(3);
        e.Property(c => c.PayeeName).HasMaxLength(ConfirmationLimits.PayeeNameLength);
        e.Property(c => c.PayeeAccount).HasMaxLength(ConfirmationLimits.PayeeAccountLength);
        e.Property(c => c.DisplayText).HasMaxLength(ConfirmationLimits.DisplayTextLength);
        e.Property(c => c.DisplayTextHash).HasMaxLength(32);
        e.Property(c => c.CallbackUrl).HasMaxLength(ConfirmationLimits.CallbackUrlLength);
        e.Property(c => c.Authenticator).HasMaxLength(64);
        e.Property(c => c.DisplayedContentType).HasMaxLength(32);
        e.Property(c => c.DisplayedHash).HasMaxLength(32);
        e.Property(c => c.Version).IsConcurrencyToken();
        // No foreign key to the user: receipts and assertions outlive an account for disputes.
        e.HasIndex(c => new { c.UserId, c.Status });
        e.HasIndex(c => new { c.Status, c.ExpiresAt });
        e.HasIndex(c => c.CallbackDueAt);
        e.HasIndex(c => c.ClientId);
    }
}
