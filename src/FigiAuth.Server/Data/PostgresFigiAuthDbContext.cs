using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Data;

/// <summary>The model on PostgreSQL; migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresFigiAuthDbContext(DbContextOptions<PostgresFigiAuthDbContext> options) : FigiAuthDbContext(options);
