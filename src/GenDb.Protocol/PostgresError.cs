using System.Text;

namespace GenDb.Protocol;

/// <summary>
/// The fields of an ErrorResponse or NoticeResponse that GenDB writes or reads
/// (PostgreSQL docs, "Error and Notice Message Fields").
/// </summary>
public sealed record PostgresError(string Severity, string SqlState, string Message)
{
    public const string Error = "ERROR";
    public const string Fatal = "FATAL";
    public const string Notice = "NOTICE";
    public const string Warning = "WARNING";

    public string? Detail { get; init; }
    public string? Hint { get; init; }

    /// <summary>1-based character position in the statement text.</summary>
    public int? Position { get; init; }

    /// <summary>The schema of the object the error is about (field 's').</summary>
    public string? SchemaName { get; init; }

    /// <summary>The table the error is about (field 't').</summary>
    public string? TableName { get; init; }

    /// <summary>The column the error is about (field 'c').</summary>
    public string? ColumnName { get; init; }

    /// <summary>The constraint the error is about (field 'n').</summary>
    public string? ConstraintName { get; init; }

    /// <summary>FATAL and PANIC end the session.</summary>
    public bool IsFatal => Severity is Fatal or "PANIC";

    public static PostgresError CreateFatal(string sqlState, string message, string? hint = null) =>
        new(Fatal, sqlState, message) { Hint = hint };

    public static PostgresError CreateError(string sqlState, string message, string? hint = null) =>
        new(Error, sqlState, message) { Hint = hint };

    public override string ToString() => $"{Severity} {SqlState}: {Message}";

    /// <summary>Reads the body of an ErrorResponse or NoticeResponse (after type and length).</summary>
    public static PostgresError Parse(ReadOnlySpan<byte> body)
    {
        string severity = Error, sqlState = Protocol.SqlState.InternalError, message = string.Empty;
        string? detail = null, hint = null, localizedSeverity = null;
        string? schemaName = null, tableName = null, columnName = null, constraintName = null;
        int? position = null;
        while (body.Length > 0 && body[0] != 0)
        {
            var code = body[0];
            var end = body[1..].IndexOf((byte)0);
            if (end < 0)
            {
                break;
            }

            var value = Encoding.UTF8.GetString(body.Slice(1, end));
            body = body[(end + 2)..];
            switch (code)
            {
                case (byte)'V': severity = value; break;
                case (byte)'S': localizedSeverity = value; break;
                case (byte)'C': sqlState = value; break;
                case (byte)'M': message = value; break;
                case (byte)'D': detail = value; break;
                case (byte)'H': hint = value; break;
                case (byte)'P' when int.TryParse(value, out var p): position = p; break;
                case (byte)'s': schemaName = value; break;
                case (byte)'t': tableName = value; break;
                case (byte)'c': columnName = value; break;
                case (byte)'n': constraintName = value; break;
                default: break;
            }
        }

        // 'V' exists since 9.6; older servers send only the localized 'S'.
        if (localizedSeverity is not null && severity == Error && localizedSeverity is Fatal or "PANIC")
        {
            severity = localizedSeverity;
        }

        return new PostgresError(severity, sqlState, message)
        {
            Detail = detail,
            Hint = hint,
            Position = position,
            SchemaName = schemaName,
            TableName = tableName,
            ColumnName = columnName,
            ConstraintName = constraintName,
        };
    }
}
