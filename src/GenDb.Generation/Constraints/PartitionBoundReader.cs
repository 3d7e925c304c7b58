namespace GenDb.Generation.Constraints;

/// <summary>What the partitions of a partitioned table say about which rows it accepts.</summary>
public enum PartitionCoverage
{
    /// <summary>The bounds could not be read (several key columns, an expression key, COLLATE or an operator class, an unreadable bound); let PostgreSQL judge.</summary>
    Unknown,

    /// <summary>Every row finds a partition: there is a DEFAULT partition, or HASH partitions cover every remainder.</summary>
    EveryRow,

    /// <summary>A row finds a partition exactly when its key column obeys <see cref="PartitionBounds.Rules"/>.</summary>
    Restricted,
}

/// <summary>The outcome of <see cref="PartitionBoundReader.Analyze"/>.</summary>
/// <param name="Column">The key column when <paramref name="Coverage"/> is <see cref="PartitionCoverage.Restricted"/>.</param>
/// <param name="Rules">The key column's rules when restricted; <see cref="ColumnRules.None"/> otherwise.</param>
public sealed record PartitionBounds(PartitionCoverage Coverage, string? Column, ColumnRules Rules)
{
    public static PartitionBounds Unknown { get; } = new(PartitionCoverage.Unknown, null, ColumnRules.None);

    public static PartitionBounds EveryRow { get; } = new(PartitionCoverage.EveryRow, null, ColumnRules.None);
}

/// <summary>
/// Reads a partitioned table's key (<c>pg_get_partkeydef</c>: <c>RANGE (payment_date)</c>) and the bounds
/// of its partitions (<c>pg_get_expr(relpartbound, oid)</c>: <c>FOR VALUES FROM ('2022-01-01') TO
/// ('2022-02-01')</c>, <c>FOR VALUES IN ('eu', 'us')</c>, <c>DEFAULT</c>) into rules on the key column.
/// Only the table's direct partitions count: a partition that is itself partitioned may restrict its
/// rows further, by its own key.
/// </summary>
public static class PartitionBoundReader
{
    /// <summary>
    /// The key column and its rules when rows are <see cref="PartitionCoverage.Restricted"/>: for RANGE,
    /// <see cref="ColumnRules.Intervals"/> (lower end inclusive, upper end exclusive, a missing end for
    /// MINVALUE/MAXVALUE) and <see cref="ColumnRules.NotNull"/>; for LIST,
    /// <see cref="ColumnRules.AllowedValues"/> and <see cref="ColumnRules.NotNull"/> unless a partition
    /// takes NULL. Null otherwise: when every row finds a partition (a DEFAULT partition, HASH) and when
    /// the bounds cannot be read (several key columns, an expression key); <see cref="Analyze"/> tells
    /// these apart.
    /// </summary>
    public static (string Column, ColumnRules Rules)? Read(string partitionKey, IEnumerable<string?> partitionBounds) =>
        Analyze(partitionKey, partitionBounds) is { Coverage: PartitionCoverage.Restricted, Column: { } column } bounds
            ? (column, bounds.Rules)
            : null;

    /// <summary>As <see cref="Read"/>, saying also why there is no restriction.</summary>
    public static PartitionBounds Analyze(string partitionKey, IEnumerable<string?> partitionBounds)
    {
        ArgumentNullException.ThrowIfNull(partitionBounds);
        var bounds = partitionBounds.ToList();
        if (bounds.Exists(b => b is not null && b.Trim() == "DEFAULT"))
        {
            return PartitionBounds.EveryRow;
        }

        if (partitionKey is null || !SqlLexer.TryTokenize(partitionKey, out var key) || key.Count < 4
            || key[0].Kind != SqlTokenKind.Word || key[1].Kind != SqlTokenKind.LeftParen || key[^1].Kind != SqlTokenKind.RightParen)
        {
            return PartitionBounds.Unknown;
        }

        var strategy = key[0].Text;
        if (strategy == "HASH")
        {
            return HashCoversEveryRow(bounds) ? PartitionBounds.EveryRow : PartitionBounds.Unknown;
        }

        // One plain column: "(region)" or "("Weird")"; anything more is several columns, an expression,
        // COLLATE or an operator class.
        if (key.Count != 4 || !IsColumnName(key[2]))
        {
            return PartitionBounds.Unknown;
        }

        var column = key[2].Text;
        var rules = strategy switch
        {
            "RANGE" => RangeRules(bounds),
            "LIST" => ListRules(bounds),
            _ => null,
        };
        return rules is null ? PartitionBounds.Unknown : new PartitionBounds(PartitionCoverage.Restricted, column, rules);
    }

    private static bool IsColumnName(SqlToken token) =>
        token.Kind == SqlTokenKind.QuotedIdentifier || (token.Kind == SqlTokenKind.Word && !token.Text.Any(char.IsUpper));

    /// <summary>
    /// Each bound is <c>FOR VALUES FROM (lower) TO (upper)</c>; a range partition never takes NULL
    /// (docs, CREATE TABLE: only a DEFAULT partition would).
    /// </summary>
    private static ColumnRules? RangeRules(List<string?> bounds)
    {
        var intervals = new List<ValueInterval>();
        foreach (var bound in bounds)
        {
            if (!TryTokens(bound, out var tokens) || tokens.Count != 11
                || !tokens[0].IsKeyword("FOR") || !tokens[1].IsKeyword("VALUES") || !tokens[2].IsKeyword("FROM")
                || tokens[3].Kind != SqlTokenKind.LeftParen || tokens[5].Kind != SqlTokenKind.RightParen
                || !tokens[6].IsKeyword("TO")
                || tokens[7].Kind != SqlTokenKind.LeftParen || tokens[9].Kind != SqlTokenKind.RightParen
                || !TryRangeEnd(tokens[4], "MINVALUE", out var lower) || !TryRangeEnd(tokens[8], "MAXVALUE", out var upper))
            {
                return null;
            }

            intervals.Add(new ValueInterval(
                lower is null ? null : new ValueBound(lower, Inclusive: true),
                upper is null ? null : new ValueBound(upper, Inclusive: false)));
        }

        return new ColumnRules { Intervals = intervals, NotNull = true };
    }

    /// <summary>Each bound is <c>FOR VALUES IN (v1, v2, ...)</c>, where NULL may be one of the values.</summary>
    private static ColumnRules? ListRules(List<string?> bounds)
    {
        var values = new List<string>();
        var takesNull = false;
        foreach (var bound in bounds)
        {
            if (!TryTokens(bound, out var tokens) || tokens.Count < 6
                || !tokens[0].IsKeyword("FOR") || !tokens[1].IsKeyword("VALUES") || !tokens[2].IsKeyword("IN")
                || tokens[3].Kind != SqlTokenKind.LeftParen || tokens[^2].Kind != SqlTokenKind.RightParen)
            {
                return null;
            }

            // tokens[^1] is the End the reader appends; values and commas alternate in between.
            for (var i = 4; i < tokens.Count - 2; i += 2)
            {
                if (tokens[i].IsKeyword("NULL"))
                {
                    takesNull = true;
                }
                else if (TryValue(tokens[i], out var value))
                {
                    values.Add(value);
                }
                else
                {
                    return null;
                }

                var next = tokens[i + 1];
                if (next.Kind != SqlTokenKind.Comma && i + 1 != tokens.Count - 2)
                {
                    return null;
                }
            }
        }

        return new ColumnRules { AllowedValues = values, NotNull = !takesNull };
    }

    /// <summary>
    /// HASH partitions take every row when, for the largest modulus, each remainder is covered by some
    /// partition (a partition with modulus m and remainder r covers every remainder that is r modulo m).
    /// </summary>
    private static bool HashCoversEveryRow(List<string?> bounds)
    {
        var partitions = new List<(int Modulus, int Remainder)>();
        foreach (var bound in bounds)
        {
            if (!TryTokens(bound, out var tokens) || tokens.Count != 11
                || !tokens[0].IsKeyword("FOR") || !tokens[1].IsKeyword("VALUES") || !tokens[2].IsKeyword("WITH")
                || !tokens[4].IsKeyword("modulus") || !tokens[7].IsKeyword("remainder")
                || !int.TryParse(tokens[5].Text, System.Globalization.CultureInfo.InvariantCulture, out var modulus)
                || !int.TryParse(tokens[8].Text, System.Globalization.CultureInfo.InvariantCulture, out var remainder)
                || modulus <= 0)
            {
                return false;
            }

            partitions.Add((modulus, remainder));
        }

        if (partitions.Count == 0)
        {
            return false;
        }

        var largest = partitions.Max(p => p.Modulus);
        for (var r = 0; r < largest; r++)
        {
            if (!partitions.Exists(p => r % p.Modulus == p.Remainder))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryTokens(string? bound, out List<SqlToken> tokens)
    {
        tokens = [];
        if (bound is null || !SqlLexer.TryTokenize(bound, out tokens))
        {
            return false;
        }

        tokens.Add(SqlToken.End);
        return true;
    }

    private static bool TryRangeEnd(SqlToken token, string unbounded, out string? value)
    {
        value = null;
        return token.IsKeyword(unbounded) || TryValue(token, out value);
    }

    /// <summary>A constant as pg_get_expr prints it in a bound: <c>'eu'</c>, <c>10</c>, <c>1.5</c>, <c>true</c>.</summary>
    private static bool TryValue(SqlToken token, out string value)
    {
        value = token.Text;
        return token.Kind is SqlTokenKind.String or SqlTokenKind.Number || token.Text is "true" or "false";
    }
}
