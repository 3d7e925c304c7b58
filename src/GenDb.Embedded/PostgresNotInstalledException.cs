namespace GenDb.Embedded;

/// <summary>
/// The PostgreSQL server binaries (initdb, pg_ctl, postgres, psql) could not be found. The message says
/// where GenDB looked and how to install them; callers should let it surface rather than skip work.
/// </summary>
public sealed class PostgresNotInstalledException : Exception
{
    public PostgresNotInstalledException()
        : this("PostgreSQL server binaries were not found. " + PostgresBinaries.InstallHint)
    {
    }

    public PostgresNotInstalledException(string message)
        : base(message)
    {
    }

    public PostgresNotInstalledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
