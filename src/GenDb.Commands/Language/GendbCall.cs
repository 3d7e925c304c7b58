namespace GenDb.Commands;

/// <summary>One argument of a gendb call: <c>value</c>, or <c>name =&gt; value</c> / <c>name := value</c>.</summary>
/// <param name="Name">The parameter name for a named argument (unquoted names lower-cased), else null.</param>
/// <param name="Value">The literal or placeholder.</param>
/// <param name="Position">1-based character position of the argument (its name, or its value when positional).</param>
public sealed record GendbArgument(string? Name, GendbValue Value, int Position)
{
    public bool IsNamed => Name is not null;

    public override string ToString() => Name is null ? Value.ToString() : $"{SqlText.QuoteIdentifierIfNeeded(Name)} => {Value}";
}

/// <summary>A parsed <c>CALL gendb.procedure(arguments)</c>, not yet checked against the catalog.</summary>
public sealed class GendbCall
{
    public GendbCall(string procedure, IReadOnlyList<GendbArgument> arguments, int maxPlaceholder = 0, int procedurePosition = 1)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPlaceholder);
        ArgumentOutOfRangeException.ThrowIfLessThan(procedurePosition, 1);
        Procedure = procedure;
        Arguments = arguments;
        MaxPlaceholder = maxPlaceholder;
        ProcedurePosition = procedurePosition;
    }

    /// <summary>The name after <c>gendb.</c>: lower-cased when unquoted, as written when quoted.</summary>
    public string Procedure { get; }

    public IReadOnlyList<GendbArgument> Arguments { get; }

    /// <summary>
    /// The highest <c>$n</c> in the call, 0 when there is none: the number of parameters the statement
    /// takes, for ParameterDescription and for checking a Bind message.
    /// </summary>
    public int MaxPlaceholder { get; }

    /// <summary>1-based character position of the procedure name, for errors about the procedure.</summary>
    public int ProcedurePosition { get; }

    public override string ToString() =>
        $"CALL gendb.{SqlText.QuoteIdentifierIfNeeded(Procedure)}({string.Join(", ", Arguments)})";
}
