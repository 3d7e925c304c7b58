namespace GenDb.Generation;

/// <summary>
/// Generation cannot go on; the message names the table, column, constraint and value where
/// they are known, and the hint says what to do. <see cref="SqlState"/> is the code a client gets.
/// </summary>
public sealed class GenerationException : Exception
{
    public GenerationException(string sqlState, string message, string? hint = null, Exception? innerException = null)
        : base(message, innerException)
    {
        SqlState = sqlState;
        Hint = hint;
    }

    public GenerationException()
        : this("XX000", "generation failed")
    {
    }

    public GenerationException(string message)
        : this("XX000", message)
    {
    }

    public GenerationException(string message, Exception innerException)
        : this("XX000", message, null, innerException)
    {
    }

    public string SqlState { get; }

    public string? Hint { get; }

    public string? Table { get; init; }

    public string? Column { get; init; }

    public string? Constraint { get; init; }
}
