namespace GenDb.Generation.Constraints;

/// <summary>
/// Turns a parsed CHECK expression into <see cref="CheckFact"/>s. A CHECK passes when its expression is
/// true or NULL, so every rewrite here must hold in three-valued logic: NOT is pushed down with De
/// Morgan's laws and by negating comparisons (both exact for SQL's NULL), and an OR is read only in the
/// few shapes that are equivalent to a conjunction.
/// </summary>
internal static class CheckInterpreter
{
    public static Conjunction Interpret(SqlExpression expression, bool negated = false) => expression switch
    {
        AndExpression and => negated
            ? Disjunction(and.Operands.Select(o => Interpret(o, negated: true)))
            : Conjunction.All(and.Operands.Select(o => Interpret(o))),
        OrExpression or => negated
            ? Conjunction.All(or.Operands.Select(o => Interpret(o, negated: true)))
            : Disjunction(or.Operands.Select(o => Interpret(o))),
        NotExpression not => Interpret(not.Operand, !negated),
        NullTest test => TryColumn(test.Operand, out var column)
            ? Conjunction.Of(new NullnessFact(column, MustBeNull: test.IsNotNull == negated))
            : Conjunction.NotUnderstood,
        DistinctTest distinct => Distinct(distinct, negated),
        BinaryExpression binary => Compare(binary.Operator, binary.Left, binary.Right, negated),
        ArrayComparison comparison => CompareWithArray(comparison, negated),

        // A boolean column on its own: CHECK (flag), CHECK (NOT flag).
        ColumnReference column => Conjunction.Of(new AllowedFact(column.Name, [new TypedLiteral(negated ? "false" : "true", SqlTypeName.Boolean)])),
        ConstantValue { Text: "true", Type.Family: TypeFamily.Boolean } when !negated => Conjunction.Always,
        ConstantValue { Text: "false", Type.Family: TypeFamily.Boolean } when negated => Conjunction.Always,
        _ => Conjunction.NotUnderstood,
    };

    /// <summary>
    /// A column seen through a cast that only changes how it is compared: varchar or char to text (the
    /// casts PostgreSQL inserts for text operators) and a number to numeric (integer compared with 1.5).
    /// A cast with a modifier, or to any other type, could change the value and is not looked through.
    /// </summary>
    public static bool TryColumn(SqlExpression expression, out string column)
    {
        switch (expression)
        {
            case ColumnReference reference:
                column = reference.Name;
                return true;
            case CastExpression { Type: { ArrayDimensions: 0, Modifiers.Count: 0, Family: TypeFamily.Text or TypeFamily.Numeric } type } cast
                when !ConstantFolding.IsCaseInsensitive(type):
                return TryColumn(cast.Operand, out column);
            default:
                column = "";
                return false;
        }
    }

    private static Conjunction Distinct(DistinctTest test, bool negated)
    {
        var notDistinct = test.IsNotDistinct != negated;
        if (!TryColumnAndConstant(test.Left, test.Right, out var column, out var literal, out _))
        {
            return Conjunction.NotUnderstood;
        }

        if (literal.IsNull)
        {
            return Conjunction.Of(new NullnessFact(column, MustBeNull: notDistinct));
        }

        // IS DISTINCT FROM is never NULL: NOT DISTINCT means equal and present; DISTINCT lets NULL pass.
        return notDistinct
            ? Conjunction.Of(new AllowedFact(column, [literal]), new NullnessFact(column, MustBeNull: false))
            : Conjunction.Of(new ForbiddenFact(column, [literal]));
    }

    private static Conjunction Compare(string op, SqlExpression left, SqlExpression right, bool negated)
    {
        op = op == "!=" ? "<>" : op;

        // (predicate) = true, (x IS NULL) = false ...: the predicate itself, or its negation.
        if (op is "=" or "<>")
        {
            if (ConstantFolding.TryConstant(right, out var r) && IsBoolean(r) && IsPredicate(left))
            {
                return Interpret(left, negated ^ (op == "<>") ^ (r.Text == "false"));
            }

            if (ConstantFolding.TryConstant(left, out var l) && IsBoolean(l) && IsPredicate(right))
            {
                return Interpret(right, negated ^ (op == "<>") ^ (l.Text == "false"));
            }
        }

        if (!IsComparison(op))
        {
            return negated ? Conjunction.NotUnderstood : Match(op, left, right);
        }

        if (negated)
        {
            op = Negate(op);
        }

        if (left is NullTest leftTest && right is NullTest rightTest)
        {
            return NullCoupling(op, leftTest, rightTest);
        }

        if (TryColumn(left, out var leftColumn) && TryColumn(right, out var rightColumn))
        {
            return leftColumn == rightColumn
                ? Conjunction.NotUnderstood
                : Conjunction.Of(new RelationFact(new ColumnRelation(leftColumn, RelationOf(op), rightColumn)));
        }

        if (TryColumnAndConstant(left, right, out var column, out var literal, out var flipped))
        {
            return CompareColumn(column, flipped ? Flip(op) : op, literal);
        }

        if (TryLengthAndConstant(left, right, out var measured, out var trimmed, out var length, out flipped))
        {
            return CompareLength(measured, trimmed, flipped ? Flip(op) : op, length);
        }

        // btrim(x) <> '': not blank.
        if (op == "<>"
            && ((TryTrimmed(left, out var trimmedColumn) && IsEmptyText(right)) || (TryTrimmed(right, out trimmedColumn) && IsEmptyText(left))))
        {
            return Conjunction.Of(new NotBlankFact(trimmedColumn));
        }

        return Conjunction.NotUnderstood;
    }

    /// <summary>
    /// <c>x ~ 'pattern'</c>, <c>x ~* 'pattern'</c>, and LIKE / ILIKE (printed <c>~~</c> / <c>~~*</c>),
    /// read as the equivalent anchored regular expression; other non-comparison operators are not read.
    /// </summary>
    private static Conjunction Match(string op, SqlExpression left, SqlExpression right)
    {
        if (op is not ("~" or "~*" or "~~" or "~~*")
            || !TryColumn(left, out var column)
            || !ConstantFolding.TryConstant(right, out var pattern)
            || pattern.IsNull
            || pattern.Family != TypeFamily.Text)
        {
            return Conjunction.NotUnderstood;
        }

        var regex = op is "~~" or "~~*" ? LikeToRegex(pattern.Text!) : pattern.Text!;
        return regex is null
            ? Conjunction.NotUnderstood
            : Conjunction.Of(new PatternFact(column, regex, CaseInsensitive: op is "~*" or "~~*"));
    }

    /// <summary>
    /// A LIKE pattern as an anchored POSIX regular expression: <c>%</c> any run, <c>_</c> one
    /// character, backslash escapes the next character; every other character stands for itself.
    /// </summary>
    internal static string? LikeToRegex(string like)
    {
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < like.Length; i++)
        {
            var c = like[i];
            switch (c)
            {
                case '%':
                    regex.Append(".*");
                    break;
                case '_':
                    regex.Append('.');
                    break;
                case '\\':
                    if (++i >= like.Length)
                    {
                        return null;
                    }

                    AppendLiteral(regex, like[i]);
                    break;
                default:
                    AppendLiteral(regex, c);
                    break;
            }
        }

        return regex.Append('$').ToString();

        static void AppendLiteral(System.Text.StringBuilder regex, char c)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is ' ' or '@' or '-' or ',' or ':' or '/' or '#' or '=' or '_' or '%' or '!' or '<' or '>' or '\'' or '"' or '&' or '~' or ';')
            {
                regex.Append(c);
            }
            else
            {
                regex.Append('\\').Append(c);
            }
        }
    }

    /// <summary><c>(a IS NULL) = (b IS NULL)</c> and the forms equivalent to it.</summary>
    private static Conjunction NullCoupling(string op, NullTest left, NullTest right)
    {
        if (op is not ("=" or "<>") || !TryColumn(left.Operand, out var first) || !TryColumn(right.Operand, out var second))
        {
            return Conjunction.NotUnderstood;
        }

        var together = (op == "=") == (left.IsNotNull == right.IsNotNull);
        if (first == second)
        {
            return together ? Conjunction.Always : Conjunction.NotUnderstood;
        }

        return together ? Conjunction.Of(new CouplingFact(new NullCoupling(first, second))) : Conjunction.NotUnderstood;
    }

    private static Conjunction CompareColumn(string column, string op, TypedLiteral literal)
    {
        if (literal.IsNull)
        {
            return Conjunction.NotUnderstood;
        }

        return op switch
        {
            "=" => Conjunction.Of(new AllowedFact(column, [literal])),
            "<>" => Conjunction.Of(new ForbiddenFact(column, [literal])),
            "<" => Conjunction.Of(new BoundFact(column, literal, IsLower: false, Inclusive: false)),
            "<=" => Conjunction.Of(new BoundFact(column, literal, IsLower: false, Inclusive: true)),
            ">" => Conjunction.Of(new BoundFact(column, literal, IsLower: true, Inclusive: false)),
            ">=" => Conjunction.Of(new BoundFact(column, literal, IsLower: true, Inclusive: true)),
            _ => Conjunction.NotUnderstood,
        };
    }

    private static Conjunction CompareLength(string column, bool trimmed, string op, int length)
    {
        if (trimmed)
        {
            // length(btrim(x)) > 0 says the same as btrim(x) <> ''; other lengths of trimmed text are not rules.
            return (op, length) is (">", 0) or (">=", 1) or ("<>", 0)
                ? Conjunction.Of(new NotBlankFact(column))
                : Conjunction.NotUnderstood;
        }

        return op switch
        {
            "=" => Conjunction.Of(new LengthFact(column, length, length)),
            ">=" => Conjunction.Of(new LengthFact(column, length, null)),
            ">" when length < int.MaxValue => Conjunction.Of(new LengthFact(column, length + 1, null)),
            "<=" => Conjunction.Of(new LengthFact(column, null, length)),
            "<" when length > int.MinValue => Conjunction.Of(new LengthFact(column, null, length - 1)),
            _ => Conjunction.NotUnderstood,
        };
    }

    /// <summary>
    /// <c>x op ANY (array)</c> is an OR over the elements and <c>x op ALL (array)</c> an AND, each compared
    /// like a single constant; a NULL element makes an ANY never false, and adds nothing to an ALL.
    /// </summary>
    private static Conjunction CompareWithArray(ArrayComparison comparison, bool negated)
    {
        var op = comparison.Operator == "!=" ? "<>" : comparison.Operator;
        var all = comparison.All;
        if (!IsComparison(op))
        {
            return Conjunction.NotUnderstood;
        }

        if (negated)
        {
            op = Negate(op);
            all = !all;
        }

        if (!TryColumn(comparison.Left, out var column) || !ConstantFolding.TryArray(comparison.Array, out var elements))
        {
            return Conjunction.NotUnderstood;
        }

        var values = elements.Where(e => !e.IsNull).ToList();
        if (!all)
        {
            if (values.Count < elements.Count)
            {
                return Conjunction.Always;
            }

            return (op, values.Count) switch
            {
                (_, 0) => Conjunction.NotUnderstood,
                (_, 1) => CompareColumn(column, op, values[0]),
                ("=", _) => Conjunction.Of(new AllowedFact(column, values)),
                _ => Conjunction.NotUnderstood,
            };
        }

        if (values.Count == 0)
        {
            return Conjunction.Always;
        }

        return op switch
        {
            "<>" => Conjunction.Of(new ForbiddenFact(column, values)),
            "=" => values.All(v => LiteralOrder.AreEqual(v, values[0])) ? CompareColumn(column, op, values[0]) : Conjunction.NotUnderstood,
            _ => Conjunction.All(values.Select(v => CompareColumn(column, op, v))),
        };
    }

    /// <summary>
    /// An OR, read only where it is equivalent to a conjunction: a branch that always holds;
    /// <c>(c IS NULL) OR P</c> where P holds whenever c is NULL; <c>(a IS NULL AND b IS NULL) OR
    /// (a IS NOT NULL AND b IS NOT NULL)</c>; and <c>(x = 1) OR (x = 2)</c>.
    /// </summary>
    private static Conjunction Disjunction(IEnumerable<Conjunction> branchesToRead)
    {
        var branches = branchesToRead.ToList();
        if (branches.Any(b => b.Exact && b.Facts.Count == 0))
        {
            return Conjunction.Always;
        }

        if (branches.Any(b => !b.Exact))
        {
            return Conjunction.NotUnderstood;
        }

        var nullColumns = new List<string>();
        var others = new List<Conjunction>();
        foreach (var branch in branches)
        {
            if (branch.Facts is [NullnessFact { MustBeNull: true } isNull])
            {
                nullColumns.Add(isNull.Column);
            }
            else
            {
                others.Add(branch);
            }
        }

        if (nullColumns.Count > 0 && others is [var other])
        {
            // Beside "c IS NULL", "c IS NOT NULL" in the other branch says nothing more: drop it first.
            var rest = other.Facts.Where(f => f is not NullnessFact { MustBeNull: false } present || !nullColumns.Contains(present.Column)).ToList();
            if (nullColumns.All(c => rest.All(f => f.HoldsWhenNull(c))))
            {
                return new Conjunction(rest, Exact: true);
            }
        }

        if (branches is [var one, var two] && (BothNullOrBoth(one, two) ?? BothNullOrBoth(two, one)) is { } coupled)
        {
            return coupled;
        }

        if (branches.All(b => b.Facts is [AllowedFact])
            && branches.Select(b => ((AllowedFact)b.Facts[0]).Column).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            var column = ((AllowedFact)branches[0].Facts[0]).Column;
            return Conjunction.Of(new AllowedFact(column, [.. branches.SelectMany(b => ((AllowedFact)b.Facts[0]).Values)]));
        }

        return Conjunction.NotUnderstood;
    }

    private static Conjunction? BothNullOrBoth(Conjunction nulls, Conjunction present)
    {
        var nullColumns = new List<string>();
        foreach (var fact in nulls.Facts)
        {
            if (fact is not NullnessFact { MustBeNull: true } isNull)
            {
                return null;
            }

            nullColumns.Add(isNull.Column);
        }

        var presentColumns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in present.Facts)
        {
            if (fact is not NullnessFact { MustBeNull: false } isPresent)
            {
                return null;
            }

            presentColumns.Add(isPresent.Column);
        }

        var columns = nullColumns.Distinct(StringComparer.Ordinal).ToList();
        if (columns.Count < 2 || !presentColumns.SetEquals(columns))
        {
            return null;
        }

        return new Conjunction([.. columns.Zip(columns.Skip(1), (a, b) => new CouplingFact(new NullCoupling(a, b)))], Exact: true);
    }

    private static bool TryColumnAndConstant(SqlExpression left, SqlExpression right, out string column, out TypedLiteral literal, out bool flipped)
    {
        flipped = false;
        if (TryColumn(left, out column) && ConstantFolding.TryConstant(right, out literal))
        {
            return true;
        }

        flipped = true;
        literal = null!;
        return TryColumn(right, out column) && ConstantFolding.TryConstant(left, out literal);
    }

    private static bool TryLengthAndConstant(SqlExpression left, SqlExpression right, out string column, out bool trimmed, out int length, out bool flipped)
    {
        flipped = false;
        if (TryLength(left, out column, out trimmed) && TryInteger(right, out length))
        {
            return true;
        }

        flipped = true;
        length = 0;
        return TryLength(right, out column, out trimmed) && TryInteger(left, out length);
    }

    /// <summary><c>length(x)</c>, <c>char_length(x)</c>, and the same over a trimmed x.</summary>
    private static bool TryLength(SqlExpression expression, out string column, out bool trimmed)
    {
        column = "";
        trimmed = false;
        if (expression is not FunctionCall { Name: "length" or "char_length" or "character_length", Arguments: [var argument] })
        {
            return false;
        }

        if (TryColumn(argument, out column))
        {
            return true;
        }

        trimmed = true;
        return TryTrimmed(argument, out column);
    }

    /// <summary><c>btrim(x)</c>, <c>ltrim(x)</c>, <c>rtrim(x)</c> (spaces only); any of them is empty exactly when x is blank.</summary>
    private static bool TryTrimmed(SqlExpression expression, out string column)
    {
        column = "";
        return expression is FunctionCall { Name: "btrim" or "ltrim" or "rtrim" } call
            && (call.Arguments.Count == 1
                || (call.Arguments.Count == 2 && ConstantFolding.TryConstant(call.Arguments[1], out var characters) && characters.Text == " "))
            && TryColumn(call.Arguments[0], out column);
    }

    private static bool TryInteger(SqlExpression expression, out int value)
    {
        value = 0;
        return ConstantFolding.TryConstant(expression, out var literal)
            && literal.Family == TypeFamily.Integer
            && int.TryParse(literal.Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    private static bool IsEmptyText(SqlExpression expression) =>
        ConstantFolding.TryConstant(expression, out var literal) && literal.Text == "" && literal.Family == TypeFamily.Text;

    private static bool IsBoolean(TypedLiteral literal) => literal.Family == TypeFamily.Boolean && !literal.IsNull;

    /// <summary>An expression that yields a boolean by its shape alone (not a column, whose type is unknown).</summary>
    private static bool IsPredicate(SqlExpression expression) => expression switch
    {
        NotExpression or AndExpression or OrExpression or NullTest or DistinctTest or ArrayComparison => true,
        BinaryExpression binary => IsComparison(binary.Operator) || binary.Operator is "!=" or "~" or "~*" or "!~" or "!~*" or "~~" or "~~*" or "!~~" or "!~~*",
        _ => false,
    };

    private static bool IsComparison(string op) => op is "=" or "<>" or "<" or "<=" or ">" or ">=";

    private static string Negate(string op) => op switch
    {
        "=" => "<>",
        "<>" => "=",
        "<" => ">=",
        "<=" => ">",
        ">" => "<=",
        ">=" => "<",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a comparison."),
    };

    /// <summary>The operator with its operands swapped: <c>0 &lt; x</c> is <c>x &gt; 0</c>.</summary>
    private static string Flip(string op) => op switch
    {
        "<" => ">",
        "<=" => ">=",
        ">" => "<",
        ">=" => "<=",
        _ => op,
    };

    private static RelationOperator RelationOf(string op) => op switch
    {
        "<" => RelationOperator.Less,
        "<=" => RelationOperator.LessOrEqual,
        ">" => RelationOperator.Greater,
        ">=" => RelationOperator.GreaterOrEqual,
        "=" => RelationOperator.Equal,
        _ => RelationOperator.NotEqual,
    };
}
