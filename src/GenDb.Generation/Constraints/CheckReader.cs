namespace GenDb.Generation.Constraints;

/// <summary>
/// Reads CHECK constraint definitions as pg_get_constraintdef prints them
/// (<c>CHECK ((price &gt;= (0)::numeric))</c>) into <see cref="CheckAnalysis"/>.
/// </summary>
/// <remarks>
/// <para>
/// What is read exactly: comparisons of a column with a constant (either side, through the casts
/// PostgreSQL prints), <c>= ANY</c> / <c>&lt;&gt; ALL</c> lists (IN and NOT IN), other comparisons with
/// <c>ALL</c>, <c>length</c>/<c>char_length</c> bounds, <c>~</c> and <c>~*</c> patterns,
/// <c>btrim(x) &lt;&gt; ''</c>, <c>IS [NOT] NULL</c>, <c>IS [NOT] DISTINCT FROM</c> a constant, column
/// against column, <c>(a IS NULL) = (b IS NULL)</c>, boolean columns, and NOT over any of these. An OR is
/// read only where it means a conjunction: <c>(x IS NULL) OR (x &gt; 0)</c>, <c>(x = 1) OR (x = 2)</c>,
/// both-NULL-or-neither. Everything else (functions, arithmetic, CASE, COLLATE, LIKE, other ORs) leaves
/// <see cref="CheckAnalysis.FullyUnderstood"/> false while keeping what the other top-level AND
/// conjuncts said.
/// </para>
/// <para>
/// Constants are reported as PostgreSQL printed them, so timestamps with time zone carry the offset of
/// the session that read the definition, and dates assume DateStyle ISO (the default). Strings assume
/// standard_conforming_strings on (the default): the deparser then prints backslashes as they are.
/// A column seen through <c>::text</c> or <c>::numeric</c> is taken to be a varchar/char column or a
/// number compared with a numeric constant, the casts PostgreSQL inserts itself.
/// </para>
/// </remarks>
public static class CheckReader
{
    /// <summary>The key a domain CHECK's <c>VALUE</c> is reported under.</summary>
    public const string DomainValue = "VALUE";

    /// <summary>A table CHECK constraint's definition.</summary>
    public static CheckAnalysis Read(string definition) => ReadAll([definition]);

    /// <summary>All the CHECK constraints of one table, which must hold together.</summary>
    public static CheckAnalysis ReadAll(IEnumerable<string> definitions) => Analyze(definitions, domain: false);

    /// <summary>A domain CHECK constraint's definition; rules land under <see cref="DomainValue"/>.</summary>
    public static CheckAnalysis ReadDomain(string definition) => ReadDomainAll([definition]);

    /// <summary>All the CHECK constraints of one domain; rules land under <see cref="DomainValue"/>.</summary>
    public static CheckAnalysis ReadDomainAll(IEnumerable<string> definitions) => Analyze(definitions, domain: true);

    private static CheckAnalysis Analyze(IEnumerable<string> definitions, bool domain)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var rules = new RuleAccumulator();
        foreach (var definition in definitions)
        {
            rules.Add(ReadDefinition(definition, domain));
        }

        return rules.Build();
    }

    /// <summary><c>CHECK (expr) [NOT VALID] [NO INHERIT]</c>.</summary>
    private static Conjunction ReadDefinition(string definition, bool domain)
    {
        if (string.IsNullOrWhiteSpace(definition) || !SqlLexer.TryTokenize(definition, out var tokens)
            || tokens.Count < 3 || !tokens[0].IsKeyword("CHECK"))
        {
            return Conjunction.NotUnderstood;
        }

        var end = tokens.Count;
        while (end >= 2 && ((tokens[end - 2].IsKeyword("NOT") && tokens[end - 1].IsKeyword("VALID"))
            || (tokens[end - 2].IsKeyword("NO") && tokens[end - 1].IsKeyword("INHERIT"))))
        {
            // NOT VALID skips the rows already there; new rows are checked all the same.
            end -= 2;
        }

        var body = tokens[1..end];
        return body.Count >= 2 && body[0].Kind == SqlTokenKind.LeftParen && MatchingParen(body, 0) == body.Count - 1
            ? ReadConjuncts(body, domain)
            : Conjunction.NotUnderstood;
    }

    /// <summary>
    /// Splits at the top-level ANDs before parsing, so one conjunct the parser cannot read costs only
    /// itself; each conjunct is then parsed and interpreted on its own.
    /// </summary>
    private static Conjunction ReadConjuncts(List<SqlToken> tokens, bool domain)
    {
        while (tokens.Count >= 2 && tokens[0].Kind == SqlTokenKind.LeftParen && MatchingParen(tokens, 0) == tokens.Count - 1)
        {
            tokens = tokens[1..^1];
        }

        var splits = new List<int>();
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is SqlTokenKind.LeftParen or SqlTokenKind.LeftBracket)
            {
                depth++;
            }
            else if (token.Kind is SqlTokenKind.RightParen or SqlTokenKind.RightBracket)
            {
                depth--;
            }
            else if (depth == 0 && token.Kind == SqlTokenKind.Word)
            {
                if (token.IsKeyword("AND"))
                {
                    splits.Add(i);
                }
                else if (token.IsKeyword("OR") || token.IsKeyword("CASE") || token.IsKeyword("BETWEEN"))
                {
                    // AND binds tighter than OR; BETWEEN and CASE use AND-like words of their own.
                    splits.Clear();
                    break;
                }
            }
        }

        if (splits.Count == 0)
        {
            return ReadConjunct(tokens, domain);
        }

        var parts = new List<Conjunction>();
        var start = 0;
        foreach (var split in splits.Append(tokens.Count))
        {
            parts.Add(ReadConjuncts(tokens[start..split], domain));
            start = split + 1;
        }

        return Conjunction.All(parts);
    }

    private static Conjunction ReadConjunct(List<SqlToken> tokens, bool domain)
    {
        if (tokens.Count == 0)
        {
            return Conjunction.NotUnderstood;
        }

        try
        {
            return CheckInterpreter.Interpret(SqlExpressionParser.Parse(tokens, domain));
        }
        catch (FormatException)
        {
            return Conjunction.NotUnderstood;
        }
    }

    private static int MatchingParen(List<SqlToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == SqlTokenKind.LeftParen)
            {
                depth++;
            }
            else if (tokens[i].Kind == SqlTokenKind.RightParen && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
