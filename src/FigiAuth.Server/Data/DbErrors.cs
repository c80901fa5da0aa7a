using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Data;

internal static class DbErrors
{
    /// <summary>True when the update failed on a unique constraint (SQLite 2067/1555, PostgreSQL 23505).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        DbException db => db.SqlState == "23505",
        _ => false,
    };
}
