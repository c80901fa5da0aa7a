namespace FigiAuth.Server.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
