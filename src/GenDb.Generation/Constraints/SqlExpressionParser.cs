namespace GenDb.Generation.Constraints;

/// <summary>
/// A recursive-descent parser for the expressions PostgreSQL's deparser (ruleutils) prints in
/// pg_get_constraintdef and pg_get_expr. Precedence follows the SQL docs, section 4.1.6 ("Operator
/// Precedence", PostgreSQL 9.5 and later), though the deparser parenthesizes nearly every operator
/// expression anyway. Throws <see cref="FormatException"/> on anything it cannot read.
/// </summary>
internal sealed class SqlExpressionParser
{
    private static readonly HashSet<string> ComparisonOperators = ["<", ">", "=", "<=", ">=", "<>", "!="];

    // Words format_type puts after a type's first word: "character varying", "double precision",
    // "timestamp(3) with time zone", "interval day to second".
    private static readonly HashSet<string> TypeNameContinuations =
        ["varying", "precision", "with", "without", "time", "zone", "year", "month", "day", "hour", "minute", "second", "to"];

    // SQL value functions, printed as bare upper-case keywords (CURRENT_DATE, LOCALTIMESTAMP(3)).
    private static readonly HashSet<string> ValueFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "CURRENT_ROLE",
        "CURRENT_USER", "SESSION_USER", "USER", "CURRENT_CATALOG", "CURRENT_SCHEMA", "SYSTEM_USER",
    };

    private readonly IReadOnlyList<SqlToken> _tokens;
    private readonly bool _domain;
    private int _position;

    private SqlExpressionParser(IReadOnlyList<SqlToken> tokens, bool domain)
    {
        _tokens = tokens;
        _domain = domain;
    }

    private SqlToken Current => _position < _tokens.Count ? _tokens[_position] : SqlToken.End;

    /// <summary>
    /// Parses all of <paramref name="tokens"/> as one expression. In a domain CHECK
    /// (<paramref name="domain"/>) the bare word <c>VALUE</c> is the value being checked.
    /// </summary>
    public static SqlExpression Parse(IReadOnlyList<SqlToken> tokens, bool domain)
    {
        var parser = new SqlExpressionParser(tokens, domain);
        var expression = parser.ParseExpression();
        if (parser.Current.Kind != SqlTokenKind.End)
        {
            throw new FormatException($"Unexpected '{parser.Current}' after the expression.");
        }

        return expression;
    }

    /// <summary>
    /// An unquoted word is a keyword when it has capitals (the deparser prints keywords in upper case
    /// and quotes any identifier that is not all lower case) or is one of the lower-case constants.
    /// </summary>
    private static bool IsKeywordToken(SqlToken token) =>
        token.Kind == SqlTokenKind.Word && (token.Text.Any(char.IsUpper) || token.Text is "true" or "false");

    private static bool IsName(SqlToken token) =>
        token.Kind == SqlTokenKind.QuotedIdentifier || (token.Kind == SqlTokenKind.Word && !IsKeywordToken(token));

    private SqlToken Advance()
    {
        var token = Current;
        _position++;
        return token;
    }

    private void Expect(SqlTokenKind kind)
    {
        if (Current.Kind != kind)
        {
            throw new FormatException($"Expected {kind} but found '{Current}'.");
        }

        _position++;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!Current.IsKeyword(keyword))
        {
            throw new FormatException($"Expected {keyword} but found '{Current}'.");
        }

        _position++;
    }

    private SqlExpression ParseExpression() => ParseOr();

    private SqlExpression ParseOr()
    {
        var first = ParseAnd();
        if (!Current.IsKeyword("OR"))
        {
            return first;
        }

        var operands = new List<SqlExpression> { first };
        while (Current.IsKeyword("OR"))
        {
            _position++;
            operands.Add(ParseAnd());
        }

        return new OrExpression(operands);
    }

    private SqlExpression ParseAnd()
    {
        var first = ParseNot();
        if (!Current.IsKeyword("AND"))
        {
            return first;
        }

        var operands = new List<SqlExpression> { first };
        while (Current.IsKeyword("AND"))
        {
            _position++;
            operands.Add(ParseNot());
        }

        return new AndExpression(operands);
    }

    private SqlExpression ParseNot()
    {
        if (Current.IsKeyword("NOT"))
        {
            _position++;
            return new NotExpression(ParseNot());
        }

        return ParseIs();
    }

    private SqlExpression ParseIs()
    {
        var operand = ParseComparison();
        while (true)
        {
            if (Current.IsKeyword("ISNULL") || Current.IsKeyword("NOTNULL"))
            {
                operand = new NullTest(operand, Advance().IsKeyword("NOTNULL"));
                continue;
            }

            if (!Current.IsKeyword("IS"))
            {
                return operand;
            }

            _position++;
            var negated = false;
            if (Current.IsKeyword("NOT"))
            {
                negated = true;
                _position++;
            }

            if (Current.IsKeyword("NULL"))
            {
                _position++;
                operand = new NullTest(operand, negated);
            }
            else if (Current.IsKeyword("DISTINCT"))
            {
                _position++;
                ExpectKeyword("FROM");
                operand = new DistinctTest(operand, ParseComparison(), negated);
            }
            else if (Current.IsKeyword("TRUE") || Current.IsKeyword("FALSE") || Current.IsKeyword("UNKNOWN"))
            {
                _position++;
                operand = new OpaqueExpression("IS TRUE/FALSE/UNKNOWN");
            }
            else
            {
                throw new FormatException($"Unexpected '{Current}' after IS.");
            }
        }
    }

    private SqlExpression ParseComparison()
    {
        var left = ParseOtherOperator();
        while (Current.Kind == SqlTokenKind.Operator && ComparisonOperators.Contains(Current.Text))
        {
            var op = Advance().Text;
            left = ParseRightOperand(op, left, ParseOtherOperator);
        }

        if (Current.IsKeyword("LIKE") || Current.IsKeyword("ILIKE") || Current.IsKeyword("SIMILAR")
            || Current.IsKeyword("BETWEEN") || Current.IsKeyword("IN"))
        {
            // The deparser prints these as ~~, ~~*, ~ similar_to_escape(...), AND, = ANY; never as words.
            throw new FormatException($"'{Current}' is not expected in deparsed text.");
        }

        return left;
    }

    /// <summary>Everything but comparison and arithmetic: ~, ~*, ||, ~~, @>, OPERATOR(schema.op) ...</summary>
    private SqlExpression ParseOtherOperator()
    {
        var left = ParseAdditive();
        while (true)
        {
            string op;
            if (Current.Kind == SqlTokenKind.Operator && !ComparisonOperators.Contains(Current.Text) && !IsArithmetic(Current.Text))
            {
                op = Advance().Text;
            }
            else if (Current.IsKeyword("OPERATOR") && _tokens.Count > _position + 1 && _tokens[_position + 1].Kind == SqlTokenKind.LeftParen)
            {
                op = ParseQualifiedOperator();
            }
            else
            {
                return left;
            }

            left = ParseRightOperand(op, left, ParseAdditive);
        }
    }

    private static bool IsArithmetic(string op) => op is "+" or "-" or "*" or "/" or "%" or "^";

    /// <summary><c>OPERATOR(pg_catalog.=)</c> → <c>=</c>; another schema's operator keeps its schema.</summary>
    private string ParseQualifiedOperator()
    {
        ExpectKeyword("OPERATOR");
        Expect(SqlTokenKind.LeftParen);
        var schema = new List<string>();
        while (IsName(Current) && _tokens.Count > _position + 1 && _tokens[_position + 1].Kind == SqlTokenKind.Dot)
        {
            schema.Add(Advance().Text);
            _position++;
        }

        if (Current.Kind != SqlTokenKind.Operator)
        {
            throw new FormatException("Expected an operator inside OPERATOR(...).");
        }

        var op = Advance().Text;
        Expect(SqlTokenKind.RightParen);
        return schema is [] or ["pg_catalog"] ? op : string.Join('.', schema) + "." + op;
    }

    private SqlExpression ParseRightOperand(string op, SqlExpression left, Func<SqlExpression> operand)
    {
        if ((Current.IsKeyword("ANY") || Current.IsKeyword("SOME") || Current.IsKeyword("ALL"))
            && _tokens.Count > _position + 1 && _tokens[_position + 1].Kind == SqlTokenKind.LeftParen)
        {
            var all = Advance().IsKeyword("ALL");
            Expect(SqlTokenKind.LeftParen);
            var array = ParseExpression();
            Expect(SqlTokenKind.RightParen);
            return new ArrayComparison(op, all, left, array);
        }

        return new BinaryExpression(op, left, operand());
    }

    private SqlExpression ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.IsOperator("+") || Current.IsOperator("-"))
        {
            var op = Advance().Text;
            left = new BinaryExpression(op, left, ParseMultiplicative());
        }

        return left;
    }

    private SqlExpression ParseMultiplicative()
    {
        var left = ParsePower();
        while (Current.IsOperator("*") || Current.IsOperator("/") || Current.IsOperator("%"))
        {
            var op = Advance().Text;
            left = new BinaryExpression(op, left, ParsePower());
        }

        return left;
    }

    private SqlExpression ParsePower()
    {
        var left = ParseUnary();
        while (Current.IsOperator("^"))
        {
            _position++;
            left = new BinaryExpression("^", left, ParseUnary());
        }

        return left;
    }

    private SqlExpression ParseUnary()
    {
        // Prefix operators: "(- 5)" for -5::integer, "(@ x)", "(~ x)".
        if (Current.Kind == SqlTokenKind.Operator)
        {
            var op = Advance().Text;
            return new PrefixExpression(op, ParseUnary());
        }

        return ParsePostfix();
    }

    private SqlExpression ParsePostfix()
    {
        var expression = ParsePrimary();
        while (true)
        {
            if (Current.Kind == SqlTokenKind.DoubleColon)
            {
                _position++;
                expression = new CastExpression(expression, ParseTypeName());
            }
            else if (Current.Kind == SqlTokenKind.LeftBracket)
            {
                SkipBalanced();
                expression = new OpaqueExpression("subscript");
            }
            else if (Current.IsKeyword("COLLATE"))
            {
                _position++;
                ParseQualifiedName();
                expression = new OpaqueExpression("COLLATE");
            }
            else if (Current.IsKeyword("AT"))
            {
                _position++;
                ExpectKeyword("TIME");
                ExpectKeyword("ZONE");
                ParseUnary();
                expression = new OpaqueExpression("AT TIME ZONE");
            }
            else
            {
                return expression;
            }
        }
    }

    private SqlExpression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case SqlTokenKind.LeftParen:
                _position++;
                var inner = ParseExpression();
                if (Current.Kind == SqlTokenKind.Comma)
                {
                    while (Current.Kind == SqlTokenKind.Comma)
                    {
                        _position++;
                        ParseExpression();
                    }

                    inner = new OpaqueExpression("row");
                }

                Expect(SqlTokenKind.RightParen);
                return inner;
            case SqlTokenKind.Number:
                _position++;
                return new ConstantValue(token.Text, NumberType(token.Text));
            case SqlTokenKind.String:
                _position++;
                return new ConstantValue(token.Text, null);
            case SqlTokenKind.BitString:
                _position++;
                return new OpaqueExpression("bit string");
            case SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier:
                return IsKeywordToken(token) ? ParseKeywordPrimary() : ParseNamePrimary();
            default:
                throw new FormatException($"Unexpected '{token}'.");
        }
    }

    /// <summary>PostgreSQL's own typing of a bare numeric constant (section 4.1.2.6).</summary>
    private static SqlTypeName NumberType(string text)
    {
        if (text.All(char.IsAsciiDigit))
        {
            if (int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                return SqlTypeName.Integer;
            }

            if (long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                return SqlTypeName.BigInt;
            }
        }

        return SqlTypeName.Numeric;
    }

    private SqlExpression ParseKeywordPrimary()
    {
        var token = Advance();
        var word = token.Text.ToUpperInvariant();
        switch (word)
        {
            case "TRUE" or "FALSE":
                return new ConstantValue(word == "TRUE" ? "true" : "false", SqlTypeName.Boolean);
            case "NULL":
                return new ConstantValue(null, null);
            case "VALUE" when _domain && token.Text == "VALUE":
                return new ColumnReference(CheckReader.DomainValue);
            case "ARRAY":
                return ParseArrayConstructor();
            case "CASE":
                ParseCase();
                return new OpaqueExpression("CASE");
            case "TRIM" when Current.Kind == SqlTokenKind.LeftParen:
                return ParseTrim();
            default:
                break;
        }

        if (ValueFunctions.Contains(word))
        {
            if (Current.Kind == SqlTokenKind.LeftParen)
            {
                SkipBalanced();
            }

            return new OpaqueExpression(word);
        }

        if (Current.Kind == SqlTokenKind.LeftParen)
        {
            // SQL-syntax functions: EXTRACT(year FROM d), SUBSTRING(x FROM 1 FOR 2), COALESCE(a, b), ROW(a, b)...
            SkipBalanced();
            return new OpaqueExpression(word);
        }

        throw new FormatException($"Unexpected keyword '{token.Text}'.");
    }

    private SqlExpression ParseArrayConstructor()
    {
        if (Current.Kind == SqlTokenKind.LeftParen)
        {
            SkipBalanced();
            return new OpaqueExpression("ARRAY(subquery)");
        }

        Expect(SqlTokenKind.LeftBracket);
        var elements = new List<SqlExpression>();
        var nested = false;
        while (Current.Kind != SqlTokenKind.RightBracket)
        {
            if (elements.Count > 0)
            {
                Expect(SqlTokenKind.Comma);
            }

            if (Current.Kind == SqlTokenKind.LeftBracket)
            {
                // ARRAY[[1, 2], [3, 4]]: a multi-dimensional array.
                SkipBalanced();
                nested = true;
                elements.Add(new OpaqueExpression("sub-array"));
            }
            else
            {
                elements.Add(ParseExpression());
            }
        }

        _position++;
        return nested ? new OpaqueExpression("multi-dimensional ARRAY") : new ArrayConstructor(elements);
    }

    private void ParseCase()
    {
        if (!Current.IsKeyword("WHEN"))
        {
            ParseExpression();
        }

        while (Current.IsKeyword("WHEN"))
        {
            _position++;
            ParseExpression();
            ExpectKeyword("THEN");
            ParseExpression();
        }

        if (Current.IsKeyword("ELSE"))
        {
            _position++;
            ParseExpression();
        }

        ExpectKeyword("END");
    }

    /// <summary>
    /// <c>TRIM(BOTH FROM x)</c>, <c>TRIM(LEADING 'ab' FROM x)</c>: PostgreSQL 14+ prints btrim, ltrim and
    /// rtrim calls this way; read back as the function call.
    /// </summary>
    private SqlExpression ParseTrim()
    {
        Expect(SqlTokenKind.LeftParen);
        var function = Current.IsKeyword("LEADING") ? "ltrim" : Current.IsKeyword("TRAILING") ? "rtrim" : "btrim";
        if (Current.IsKeyword("BOTH") || Current.IsKeyword("LEADING") || Current.IsKeyword("TRAILING"))
        {
            _position++;
        }

        SqlExpression? characters = null;
        if (!Current.IsKeyword("FROM"))
        {
            characters = ParseExpression();
        }

        ExpectKeyword("FROM");
        var source = ParseExpression();
        Expect(SqlTokenKind.RightParen);
        return new FunctionCall(function, characters is null ? [source] : [source, characters]);
    }

    private SqlExpression ParseNamePrimary()
    {
        var name = ParseQualifiedName();
        if (Current.Kind != SqlTokenKind.LeftParen)
        {
            if (name.Count != 1 || _domain)
            {
                // Columns of a CHECK are never qualified; a domain CHECK has no columns, only VALUE.
                throw new FormatException($"'{string.Join('.', name)}' is not a column here.");
            }

            return new ColumnReference(name[0]);
        }

        var start = _position;
        try
        {
            return new FunctionCall(FunctionName(name), ParseArguments());
        }
        catch (FormatException)
        {
            // VARIADIC, named arguments, aggregate syntax: keep reading past the call.
            _position = start;
            SkipBalanced();
            return new OpaqueExpression(string.Join('.', name));
        }
    }

    private static string FunctionName(List<string> name) =>
        name is ["pg_catalog", var local] ? local : string.Join('.', name);

    private List<SqlExpression> ParseArguments()
    {
        Expect(SqlTokenKind.LeftParen);
        var arguments = new List<SqlExpression>();
        if (Current.Kind == SqlTokenKind.RightParen)
        {
            _position++;
            return arguments;
        }

        arguments.Add(ParseExpression());
        while (Current.Kind == SqlTokenKind.Comma)
        {
            _position++;
            arguments.Add(ParseExpression());
        }

        Expect(SqlTokenKind.RightParen);
        return arguments;
    }

    private List<string> ParseQualifiedName()
    {
        if (!IsName(Current))
        {
            throw new FormatException($"Expected a name but found '{Current}'.");
        }

        var parts = new List<string> { Advance().Text };
        while (Current.Kind == SqlTokenKind.Dot)
        {
            _position++;
            if (!IsName(Current))
            {
                throw new FormatException($"Expected a name after '.' but found '{Current}'.");
            }

            parts.Add(Advance().Text);
        }

        return parts;
    }

    private SqlTypeName ParseTypeName()
    {
        var words = new List<string>();
        var modifiers = new List<string>();
        var first = Current;
        if (!IsName(first))
        {
            throw new FormatException($"Expected a type name but found '{first}'.");
        }

        var qualified = new List<string>();
        foreach (var part in ParseQualifiedNameTokens())
        {
            qualified.Add(part.Kind == SqlTokenKind.QuotedIdentifier ? "\"" + part.Text + "\"" : part.Text);
        }

        if (qualified is ["pg_catalog", _])
        {
            qualified.RemoveAt(0);
        }

        words.Add(string.Join('.', qualified));
        while (true)
        {
            if (Current.Kind == SqlTokenKind.LeftParen && modifiers.Count == 0)
            {
                _position++;
                while (true)
                {
                    if (Current.Kind is not (SqlTokenKind.Number or SqlTokenKind.Word or SqlTokenKind.String))
                    {
                        throw new FormatException($"Unexpected '{Current}' in a type modifier.");
                    }

                    modifiers.Add(Advance().Text);
                    if (Current.Kind == SqlTokenKind.Comma)
                    {
                        _position++;
                        continue;
                    }

                    Expect(SqlTokenKind.RightParen);
                    break;
                }
            }
            else if (Current.Kind == SqlTokenKind.Word && TypeNameContinuations.Contains(Current.Text))
            {
                words.Add(Advance().Text);
            }
            else
            {
                break;
            }
        }

        var dimensions = 0;
        while (Current.Kind == SqlTokenKind.LeftBracket)
        {
            _position++;
            if (Current.Kind == SqlTokenKind.Number)
            {
                _position++;
            }

            Expect(SqlTokenKind.RightBracket);
            dimensions++;
        }

        return new SqlTypeName(string.Join(' ', words), modifiers, dimensions);
    }

    private List<SqlToken> ParseQualifiedNameTokens()
    {
        var parts = new List<SqlToken> { Advance() };
        while (Current.Kind == SqlTokenKind.Dot && _tokens.Count > _position + 1 && IsName(_tokens[_position + 1]))
        {
            _position++;
            parts.Add(Advance());
        }

        return parts;
    }

    /// <summary>Skips a parenthesized or bracketed group, nested groups included.</summary>
    private void SkipBalanced()
    {
        var depth = 0;
        do
        {
            var token = Advance();
            switch (token.Kind)
            {
                case SqlTokenKind.LeftParen or SqlTokenKind.LeftBracket:
                    depth++;
                    break;
                case SqlTokenKind.RightParen or SqlTokenKind.RightBracket:
                    depth--;
                    break;
                case SqlTokenKind.End:
                    throw new FormatException("Unbalanced parentheses.");
                default:
                    break;
            }
        }
        while (depth > 0);
    }
}
