using System.Globalization;
using CsCheck;
using GenDb.Generation.Constraints;

namespace GenDb.Generation.Tests.Constraints;

/// <summary>
/// Random CHECK expressions over one integer column, printed the way pg_get_constraintdef prints them,
/// judged both by the rules read from them and by SQL's three-valued logic evaluated here.
/// </summary>
public sealed class CheckReaderPropertyTests
{
    private static readonly int?[] Values = [null, .. Enumerable.Range(-7, 15).Select(i => (int?)i)];

    private static readonly Gen<string> Comparison = Gen.OneOf("<", "<=", ">", ">=", "=", "<>");

    private static readonly Gen<Expression> Atom = Gen.Frequency<Expression>(
        (6, Gen.Select(Comparison, Gen.Int[-5, 5], Gen.Bool, CompareWithConstant)),
        (1, Gen.Bool.Select(notNull => new Expression(notNull ? "(x IS NOT NULL)" : "(x IS NULL)", x => notNull ? x is not null : x is null))),
        (2, Gen.Select(Gen.Bool, Gen.Int[-5, 5].Array[1, 3], Gen.Bool, InList)));

    private static readonly Gen<Expression> Tree = Nested(3);

    [Fact]
    public void Read_RandomExpressions_RulesAgreeWithThreeValuedLogic()
    {
        Tree.Sample(expression =>
        {
            var analysis = CheckReader.Read("CHECK (" + expression.Sql + ")");
            var rules = analysis.For("x");

            foreach (var x in Values)
            {
                var passes = expression.Evaluate(x) != false;
                var accepted = Accepts(rules, x);
                if (analysis.FullyUnderstood)
                {
                    Assert.True(passes == accepted, $"{expression.Sql} at x = {x?.ToString(CultureInfo.InvariantCulture) ?? "NULL"}: CHECK {passes}, rules {accepted}");
                }
                else
                {
                    Assert.True(!passes || accepted, $"{expression.Sql} at x = {x?.ToString(CultureInfo.InvariantCulture) ?? "NULL"}: the rules refuse a row the CHECK accepts");
                }
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Read_SimpleComparisons_AlwaysFullyUnderstood()
    {
        Gen.Select(Gen.Select(Comparison, Gen.Int[-5, 5], Gen.Bool, CompareWithConstant).Array[1, 4], Gen.Bool).Sample((atoms, negate) =>
        {
            var sql = atoms.Length == 1 ? atoms[0].Sql : "(" + string.Join(" AND ", atoms.Select(a => a.Sql)) + ")";
            var definition = "CHECK (" + (negate && atoms.Length == 1 ? "(NOT " + sql + ")" : sql) + ")";

            Assert.True(CheckReader.Read(definition).FullyUnderstood, definition);
        }, iter: 2_000);
    }

    [Fact]
    public void Read_TextConstant_RoundTripsThroughQuoting()
    {
        Gen.String.Sample(text =>
        {
            var analysis = CheckReader.Read($"CHECK ((note <> '{text.Replace("'", "''", StringComparison.Ordinal)}'::text))");

            Assert.True(analysis.FullyUnderstood);
            Assert.Equal([text], analysis.For("note").ForbiddenValues);
        }, iter: 2_000);
    }

    [Fact]
    public void Read_RandomText_NeverThrows()
    {
        var fragment = Gen.OneOf(
            "CHECK", " ", "(", ")", "((", "))", "x", "\"x\"", "'a'", "''", "'", "E'\\", "::", "::text", "::character varying",
            "[]", "ARRAY[", "]", ",", "ANY", "ALL", "AND", "OR", "NOT", "IS", "NULL", "DISTINCT FROM", "=", "<>", ">=", "~", "~*",
            "-", "(- 5)", "1", "1.5", "1e", "length(", "btrim(", "TRIM(BOTH FROM", "CASE", "WHEN", "END", "COLLATE", "VALUE",
            "NOT VALID", "\"", ".", "true", "OPERATOR(", "{", "}");
        fragment.Array[0, 24].Select(string.Concat).Sample(text =>
        {
            var table = CheckReader.Read(text);
            var domain = CheckReader.ReadDomain(text);
            var partition = PartitionBoundReader.Analyze(text, [text]);

            Assert.NotNull(table.Columns);
            Assert.NotNull(domain.Columns);
            Assert.NotNull(partition.Rules);
        }, iter: 20_000);
    }

    /// <summary>Whether the rules let <paramref name="x"/> through (integers only; what the trees use).</summary>
    private static bool Accepts(ColumnRules rules, int? x)
    {
        if (x is not { } value)
        {
            return !rules.NotNull;
        }

        static int Number(string literal) => int.Parse(literal, CultureInfo.InvariantCulture);
        return (rules.Lower is not { } lower || (lower.Inclusive ? value >= Number(lower.Literal) : value > Number(lower.Literal)))
            && (rules.Upper is not { } upper || (upper.Inclusive ? value <= Number(upper.Literal) : value < Number(upper.Literal)))
            && (rules.AllowedValues is not { } allowed || allowed.Any(a => Number(a) == value))
            && rules.ForbiddenValues.All(f => Number(f) != value);
    }

    private static Gen<Expression> Nested(int depth) => depth == 0
        ? Atom
        : Gen.Frequency<Expression>(
            (3, Atom),
            (1, Nested(depth - 1).Select(Not)),
            (2, Nested(depth - 1).Array[2, 3].Select(operands => Junction("AND", operands))),
            (2, Nested(depth - 1).Array[2, 3].Select(operands => Junction("OR", operands))));

    /// <summary>A constant as the deparser prints it: negative integers are quoted and cast.</summary>
    private static string Constant(int value) =>
        value < 0 ? $"'{value.ToString(CultureInfo.InvariantCulture)}'::integer" : value.ToString(CultureInfo.InvariantCulture);

    private static Expression CompareWithConstant(string op, int constant, bool constantFirst)
    {
        var sql = constantFirst ? $"({Constant(constant)} {op} x)" : $"(x {op} {Constant(constant)})";
        return new Expression(sql, x => x is not { } v ? null : Holds(op, constantFirst ? constant : v, constantFirst ? v : constant));
    }

    private static Expression InList(bool negated, int[] values, bool withNull)
    {
        var elements = values.Select(Constant).Concat(withNull ? ["NULL::integer"] : []);
        var sql = negated
            ? $"(x <> ALL (ARRAY[{string.Join(", ", elements)}]))"
            : $"(x = ANY (ARRAY[{string.Join(", ", elements)}]))";
        return new Expression(sql, x =>
        {
            if (x is not { } v)
            {
                return null;
            }

            // ANY is an OR over the elements, ALL an AND; a NULL element compares as NULL.
            var matches = values.Contains(v);
            return negated
                ? matches ? false : withNull ? null : true
                : matches ? true : withNull ? null : false;
        });
    }

    private static Expression Not(Expression operand) => new($"(NOT {operand.Sql})", x => !operand.Evaluate(x));

    private static Expression Junction(string word, Expression[] operands) => new(
        "(" + string.Join($" {word} ", operands.Select(o => o.Sql)) + ")",
        x =>
        {
            var results = operands.Select(o => o.Evaluate(x)).ToList();
            var decisive = word == "AND" ? false : true;
            return results.Contains(decisive) ? decisive : results.Contains(null) ? null : !decisive;
        });

    private static bool Holds(string op, int left, int right) => op switch
    {
        "<" => left < right,
        "<=" => left <= right,
        ">" => left > right,
        ">=" => left >= right,
        "=" => left == right,
        _ => left != right,
    };

    /// <summary>An expression's SQL and its value in SQL's three-valued logic (null for NULL).</summary>
    private sealed record Expression(string Sql, Func<int?, bool?> Evaluate)
    {
        public override string ToString() => Sql;
    }
}
