using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FigiAuth.Server.Admin.Metadata;

internal sealed class MetadataOverrideConfiguration : IEntityTypeConfiguration<MetadataOverride>
{
    public void Configure(EntityTypeBuilder<MetadataOverride> e)
    {
        e.Property(m => m.Id).HasMaxLength(64);
        e.Property(m => m.ChangedBy).HasMaxLength(256);
        e.Ignore(m => m.Aaid);
    }
}
