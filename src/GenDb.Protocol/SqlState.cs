namespace GenDb.Protocol;

/// <summary>SQLSTATE codes GenDB sends itself (PostgreSQL docs, Appendix A).</summary>
public static class SqlState
{
    public const string ProtocolViolation = "08P01";
    public const string SqlClientUnableToEstablishSqlConnection = "08001";
    public const string ConnectionFailure = "08006";
    public const string TooManyConnections = "53300";
    public const string AdminShutdown = "57P01";
    public const string QueryCanceled = "57014";
    public const string FeatureNotSupported = "0A000";
    public const string SyntaxError = "42601";
    public const string UndefinedFunction = "42883";
    public const string UndefinedTable = "42P01";
    public const string InvalidParameterValue = "22023";
    public const string InFailedSqlTransaction = "25P02";
    public const string InsufficientPrivilege = "42501";
    public const string InternalError = "XX000";
}
