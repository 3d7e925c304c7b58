using GenDb.Protocol;

namespace GenDb.Commands;

/// <summary>
/// An error a user caused with a gendb call, ready to become an ErrorResponse. ERROR severity: the
/// session goes on.
/// </summary>
/// <param name="SqlState">The SQLSTATE (PostgreSQL docs, Appendix A).</param>
/// <param name="Message">What went wrong, naming the object and the value.</param>
/// <param name="Hint">What to do about it.</param>
/// <param name="Position">1-based character (not byte) position in the statement text, as PostgreSQL reports it.</param>
public sealed record GendbError(string SqlState, string Message, string? Hint, int? Position)
{
    public PostgresError ToPostgresError() =>
        new(PostgresError.Error, SqlState, Message) { Hint = Hint, Position = Position };

    public override string ToString() =>
        Position is { } position ? $"{SqlState}: {Message} (at {position})" : $"{SqlState}: {Message}";
}
