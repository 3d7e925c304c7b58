using System.Globalization;
using GenDb.Generation.Constraints;
using Npgsql;

namespace GenDb.Generation.Tests.Constraints;

/// <summary>
/// Shows that rules mean what a constraint means, on a real server: candidate rows are built from the
/// rules' own literals (each literal, and a step either side of it), staged in a table without the
/// constraint, judged by the rules (translated to SQL here) and by PostgreSQL (an INSERT into the
/// constrained table).
/// </summary>
internal static class RuleOracle
{
    /// <summary>One candidate row: whether the rules accept it and whether PostgreSQL did.</summary>
    public sealed record Verdict(int Candidate, string Row, bool ByRules, bool ByPostgres);

    /// <summary>
    /// Stages candidates for <paramref name="columns"/> (every combination across columns), then judges
    /// each one. <paramref name="rules"/> maps each column to its rules.
    /// </summary>
    public static async Task<List<Verdict>> JudgeAsync(
        NpgsqlConnection connection,
        string table,
        IReadOnlyList<CaseColumn> columns,
        Func<string, ColumnRules> rules,
        IReadOnlyList<ColumnRelation> relations,
        IReadOnlyList<NullCoupling> couplings,
        IEnumerable<string> samples)
    {
        var stage = table + "_stage";
        await connection.ExecAsync(
            $"CREATE TABLE {stage} (candidate_id integer PRIMARY KEY, {string.Join(", ", columns.Select(c => c.Quoted + " " + c.PlainType))})");

        var sampleList = samples.ToList();
        var perColumn = columns.Select(c => Candidates(c, rules, relations, columns, sampleList)).ToList();
        var id = 0;
        foreach (var row in Combinations(perColumn))
        {
            // A candidate the column's type refuses ('' for an integer) is simply not a candidate.
            try
            {
                await connection.ExecAsync($"INSERT INTO {stage} VALUES ({id + 1}, {string.Join(", ", row)})");
                id++;
            }
            catch (PostgresException)
            {
            }
        }

        var columnList = string.Join(", ", columns.Select(c => c.Quoted));
        var predicate = Predicate(columns, rules, relations, couplings);
        var judged = await connection.RowsAsync(
            $"SELECT candidate_id, ({predicate}), ROW({columnList})::text FROM {stage} ORDER BY candidate_id");

        var verdicts = new List<Verdict>();
        foreach (var row in judged)
        {
            var candidate = (int)row[0]!;
            bool accepted;
            try
            {
                await connection.ExecAsync($"INSERT INTO {table} ({columnList}) SELECT {columnList} FROM {stage} WHERE candidate_id = {candidate}");
                accepted = true;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation)
            {
                accepted = false;
            }

            verdicts.Add(new Verdict(candidate, (string)row[2]!, (bool)row[1]!, accepted));
        }

        return verdicts;
    }

    /// <summary>Every rule of every column, relation and coupling as one SQL condition on a staged row.</summary>
    public static string Predicate(
        IReadOnlyList<CaseColumn> columns, Func<string, ColumnRules> rules, IReadOnlyList<ColumnRelation> relations, IReadOnlyList<NullCoupling> couplings)
    {
        var conditions = new List<string>();
        foreach (var column in columns)
        {
            conditions.Add(ColumnPredicate(column, rules(column.Name)));
        }

        foreach (var relation in relations)
        {
            var left = columns.Single(c => c.Name == relation.Left);
            var right = columns.Single(c => c.Name == relation.Right);
            conditions.Add($"({left.Quoted} IS NULL OR {right.Quoted} IS NULL OR {left.Quoted} {Sql(relation.Operator)} {right.Quoted})");
        }

        foreach (var coupling in couplings)
        {
            var first = columns.Single(c => c.Name == coupling.First);
            var second = columns.Single(c => c.Name == coupling.Second);
            conditions.Add($"(({first.Quoted} IS NULL) = ({second.Quoted} IS NULL))");
        }

        return conditions.Count == 0 ? "true" : string.Join(" AND ", conditions);
    }

    private static string ColumnPredicate(CaseColumn column, ColumnRules rules)
    {
        var c = column.Quoted;
        var family = FamilyOf(column);
        string Value(string literal) => family == ValueKind.Numeric ? $"{Quote(literal)}::numeric" : $"{Quote(literal)}::{column.PlainType}";
        var self = family == ValueKind.Numeric ? $"({c})::numeric" : c;
        var text = $"({c})::text";

        var conditions = new List<string>();
        if (rules.Lower is { } lower)
        {
            conditions.Add($"{self} {(lower.Inclusive ? ">=" : ">")} {Value(lower.Literal)}");
        }

        if (rules.Upper is { } upper)
        {
            conditions.Add($"{self} {(upper.Inclusive ? "<=" : "<")} {Value(upper.Literal)}");
        }

        if (rules.AllowedValues is { } allowed)
        {
            conditions.Add(allowed.Count == 0 ? "false" : $"{self} IN ({string.Join(", ", allowed.Select(Value))})");
        }

        if (rules.ForbiddenValues.Count > 0)
        {
            conditions.Add($"{self} NOT IN ({string.Join(", ", rules.ForbiddenValues.Select(Value))})");
        }

        if (rules.MinLength is { } min)
        {
            conditions.Add($"char_length({text}) >= {min}");
        }

        if (rules.MaxLength is { } max)
        {
            conditions.Add($"char_length({text}) <= {max}");
        }

        conditions.AddRange(rules.Patterns.Select(p => $"{text} ~ {Quote(p)}"));
        conditions.AddRange(rules.CaseInsensitivePatterns.Select(p => $"{text} ~* {Quote(p)}"));
        if (rules.NotBlank)
        {
            conditions.Add($"btrim({text}) <> ''");
        }

        if (rules.Intervals is { } intervals)
        {
            var any = intervals.Select(i =>
                $"({(i.Lower is { } l ? $"{self} >= {Value(l.Literal)}" : "true")} AND {(i.Upper is { } u ? $"{self} < {Value(u.Literal)}" : "true")})");
            conditions.Add(intervals.Count == 0 ? "false" : "(" + string.Join(" OR ", any) + ")");
        }

        var present = conditions.Count == 0 ? "true" : string.Join(" AND ", conditions);
        return $"(CASE WHEN {c} IS NULL THEN {(rules.NotNull ? "false" : "true")} ELSE ({present}) END)";
    }

    /// <summary>NULL, each literal of the column's rules (and of the columns it is compared with) and a step either side, and the samples.</summary>
    private static List<string> Candidates(
        CaseColumn column, Func<string, ColumnRules> rules, IReadOnlyList<ColumnRelation> relations, IReadOnlyList<CaseColumn> columns, List<string> samples)
    {
        var literals = Literals(rules(column.Name)).ToList();
        foreach (var relation in relations.Where(r => r.Left == column.Name || r.Right == column.Name))
        {
            literals.AddRange(Literals(rules(relation.Left == column.Name ? relation.Right : relation.Left)));
        }

        var family = FamilyOf(column);
        if (literals.Count == 0)
        {
            literals.Add(family switch
            {
                ValueKind.Numeric => "0",
                ValueKind.Date => "2020-01-01",
                ValueKind.Timestamp => "2020-01-01 00:00:00",
                ValueKind.TimestampWithTimeZone => "2020-01-01 00:00:00+00",
                ValueKind.Boolean => "true",
                _ => "a",
            });
        }

        var candidates = new List<string> { "NULL" };
        foreach (var literal in literals.Distinct(StringComparer.Ordinal))
        {
            var quoted = Quote(literal);
            string[] steps = family switch
            {
                ValueKind.Numeric => ["-1", "-0.01", "0", "0.01", "1"],
                ValueKind.Date => ["-1", "0", "1"],
                ValueKind.Timestamp or ValueKind.TimestampWithTimeZone => ["-1 day", "-1 microsecond", "0", "1 microsecond", "1 day"],
                _ => [],
            };
            candidates.AddRange(family switch
            {
                ValueKind.Numeric => steps.Select(d => $"({quoted}::numeric + {d})"),
                ValueKind.Date => steps.Select(d => $"({quoted}::date + {d})"),
                ValueKind.Timestamp or ValueKind.TimestampWithTimeZone => steps.Select(d => $"({quoted}::{column.PlainType} + interval '{d}')"),
                ValueKind.Boolean => ["true", "false"],
                _ => [quoted, $"{quoted} || 'a'", $"substr({quoted}, 2)"],
            });
        }

        var own = rules(column.Name);
        foreach (var length in new[] { own.MinLength, own.MaxLength }.OfType<int>())
        {
            candidates.AddRange(new[] { length - 1, length, length + 1 }.Where(n => n >= 0).Select(n => $"repeat('a', {n})"));
        }

        if (family == ValueKind.Text)
        {
            candidates.AddRange(["''", "'   '", "' a '"]);
        }

        candidates.AddRange(samples);
        return [.. candidates.Distinct(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Literals(ColumnRules rules)
    {
        foreach (var bound in new[] { rules.Lower, rules.Upper }.OfType<ValueBound>())
        {
            yield return bound.Literal;
        }

        foreach (var value in (rules.AllowedValues ?? []).Concat(rules.ForbiddenValues))
        {
            yield return value;
        }

        foreach (var interval in rules.Intervals ?? [])
        {
            foreach (var bound in new[] { interval.Lower, interval.Upper }.OfType<ValueBound>())
            {
                yield return bound.Literal;
            }
        }
    }

    private static IEnumerable<List<string>> Combinations(List<List<string>> perColumn)
    {
        IEnumerable<List<string>> rows = [[]];
        foreach (var values in perColumn)
        {
            rows = rows.SelectMany(row => values.Select(v => new List<string>(row) { v }));
        }

        return rows;
    }

    private static ValueKind FamilyOf(CaseColumn column)
    {
        var type = column.PlainType.ToLowerInvariant();
        return type switch
        {
            "smallint" or "integer" or "int" or "bigint" or "real" or "double precision" => ValueKind.Numeric,
            _ when type.StartsWith("numeric", StringComparison.Ordinal) => ValueKind.Numeric,
            "date" => ValueKind.Date,
            "timestamp" => ValueKind.Timestamp,
            "timestamptz" => ValueKind.TimestampWithTimeZone,
            "boolean" => ValueKind.Boolean,
            _ => ValueKind.Text,
        };
    }

    private static string Quote(string literal) => "'" + literal.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Sql(RelationOperator op) => op switch
    {
        RelationOperator.Less => "<",
        RelationOperator.LessOrEqual => "<=",
        RelationOperator.Greater => ">",
        RelationOperator.GreaterOrEqual => ">=",
        RelationOperator.Equal => "=",
        _ => "<>",
    };

    /// <summary>The type families the oracle distinguishes (the reader's own are internal to it).</summary>
    private enum ValueKind
    {
        Numeric,
        Text,
        Date,
        Timestamp,
        TimestampWithTimeZone,
        Boolean,
    }

    public static string Describe(IEnumerable<Verdict> verdicts) =>
        string.Join(Environment.NewLine, verdicts.Select(v => string.Create(CultureInfo.InvariantCulture, $"#{v.Candidate} {v.Row}: rules {v.ByRules}, PostgreSQL {v.ByPostgres}")));
}
