using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Samples.Wallet.Data;

/// <summary>The wallet's own SQLite store: accounts and transfers.</summary>
public sealed class WalletDb(DbContextOptions<WalletDb> options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Transfer> Transfers => Set<Transfer>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Account>(a =>
        {
            a.ToTable("accounts");
            a.HasKey(x => x.Subject);
        });
        model.Entity<Transfer>(t =>
        {
            t.ToTable("transfers");
            t.HasKey(x => x.Id);
            t.HasIndex(x => x.ConfirmationId).IsUnique();
            t.HasIndex(x => new { x.Subject, x.CreatedAt });
            t.Property(x => x.Status).HasConversion<string>();
        });
    }
}
