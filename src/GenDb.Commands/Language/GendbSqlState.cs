using GenDb.Protocol;

namespace GenDb.Commands;

/// <summary>
/// The SQLSTATE codes of the GENDB language (PostgreSQL docs, Appendix A), including the few that
/// <see cref="Protocol.SqlState"/> does not list.
/// </summary>
internal static class GendbSqlState
{
    public const string SyntaxError = SqlState.SyntaxError;
    public const string FeatureNotSupported = SqlState.FeatureNotSupported;
    public const string UndefinedFunction = SqlState.UndefinedFunction;
    public const string InvalidParameterValue = SqlState.InvalidParameterValue;
    public const string UndefinedParameter = "42P02";
    public const string NumericValueOutOfRange = "22003";
    public const string CharacterNotInRepertoire = "22021";
    public const string InvalidEscapeSequence = "22025";
    public const string InvalidBinaryRepresentation = "22P03";
}
