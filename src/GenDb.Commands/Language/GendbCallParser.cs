using System.Globalization;

namespace GenDb.Commands;

/// <summary>
/// Parses the one statement the proxy answers itself:
/// <code>
/// CALL gendb.procedure( [argument {, argument}] ) [;]
/// argument := value | name =&gt; value | name := value
/// value    := 'text' | E'text' | $tag$text$tag$ | [+|-] number | true | false | NULL | $n
/// </code>
/// followed only by whitespace and comments. Named arguments may follow positional ones, not the
/// other way round (as in PostgreSQL). Which procedures and parameters exist is the binder's concern.
/// </summary>
public static class GendbCallParser
{
    /// <summary>A call to show in hints: what a user most often wants.</summary>
    internal const string ExampleCall = "CALL gendb.return_generated(include => 'users')";

    public static GendbParseResult Parse(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        try
        {
            return GendbParseResult.Success(new CallReader(sql).ReadCall());
        }
        catch (GendbErrorException e)
        {
            return GendbParseResult.Failure(e.Error);
        }
    }

    /// <summary>One parse: a recursive-descent reader with one token of lookahead.</summary>
    private sealed class CallReader(string sql)
    {
        private const string ValueHint =
            "An argument value is a string in single quotes ('users'), a number, true, false, NULL or a placeholder ($1).";

        private readonly string _sql = sql;
        private readonly GendbLexer _lexer = new(sql);
        private GendbToken? _peeked;
        private int _maxPlaceholder;

        public GendbCall ReadCall()
        {
            var call = Next();
            if (!call.IsWord("call"))
            {
                throw SyntaxError(call, $"A GenDB call has the form CALL gendb.<procedure>(...), e.g. {ExampleCall}.");
            }

            var schema = Next();
            if (schema.Kind is not (GendbTokenKind.Identifier or GendbTokenKind.QuotedIdentifier) || schema.Value != "gendb")
            {
                throw SyntaxError(schema, $"GenDB procedures live in the gendb schema, e.g. {ExampleCall}.");
            }

            var dot = Next();
            if (dot.Kind != GendbTokenKind.Dot)
            {
                throw SyntaxError(dot, $"Name the procedure after \"gendb.\", e.g. {ExampleCall}.");
            }

            var name = Next();
            if (name.Kind is not (GendbTokenKind.Identifier or GendbTokenKind.QuotedIdentifier))
            {
                throw SyntaxError(name, "Name the procedure after \"gendb.\"; CALL gendb.help() lists them.");
            }

            var open = Next();
            if (open.Kind != GendbTokenKind.LeftParen)
            {
                throw SyntaxError(open,
                    $"A procedure call needs parentheses, even without arguments: CALL gendb.{SqlText.QuoteIdentifierIfNeeded(name.Value)}().");
            }

            var arguments = ReadArguments();
            var close = _lexer.Offset;
            ReadEnd(call.Start, close);
            return new GendbCall(name.Value, arguments, _maxPlaceholder, _lexer.PositionOf(name.Start));
        }

        private List<GendbArgument> ReadArguments()
        {
            var arguments = new List<GendbArgument>();
            if (Peek().Kind == GendbTokenKind.RightParen)
            {
                Next();
                return arguments;
            }

            GendbArgument? firstNamed = null;
            while (true)
            {
                var argument = ReadArgument();
                if (argument.IsNamed)
                {
                    firstNamed ??= argument;
                }
                else if (firstNamed is not null)
                {
                    throw new GendbErrorException(new GendbError(
                        GendbSqlState.SyntaxError,
                        "positional argument cannot follow named argument",
                        $"Name this argument too, or move it before {SqlText.QuoteIdentifierIfNeeded(firstNamed.Name!)} => {firstNamed.Value}.",
                        argument.Position));
                }

                arguments.Add(argument);
                var separator = Next();
                if (separator.Kind == GendbTokenKind.RightParen)
                {
                    return arguments;
                }

                if (separator.Kind != GendbTokenKind.Comma)
                {
                    throw SyntaxError(separator, $"Separate arguments with commas and close the list with a parenthesis: {ExampleCall}.");
                }
            }
        }

        private GendbArgument ReadArgument()
        {
            var first = Next();
            if (first.Kind is GendbTokenKind.Identifier or GendbTokenKind.QuotedIdentifier
                && Peek().Kind is GendbTokenKind.Arrow or GendbTokenKind.ColonEquals)
            {
                Next();
                return new GendbArgument(first.Value, ReadValue(Next(), first.Value), _lexer.PositionOf(first.Start));
            }

            // "include = 'users'" is the likeliest slip; PostgreSQL would only say "syntax error".
            if (first.Kind is GendbTokenKind.Identifier or GendbTokenKind.QuotedIdentifier && Peek() is { Kind: GendbTokenKind.Operator, Value: "=" })
            {
                var equals = Next();
                var value = Peek();
                var example = value.Kind == GendbTokenKind.End ? "..." : SqlText.Excerpt(_sql.AsSpan(value.Start, value.End - value.Start));
                throw SyntaxError(equals, $"Named arguments take => (or :=), not =: {SqlText.QuoteIdentifierIfNeeded(first.Value)} => {example}.");
            }

            return new GendbArgument(null, ReadValue(first, null), _lexer.PositionOf(first.Start));
        }

        private GendbValue ReadValue(GendbToken token, string? parameter)
        {
            switch (token.Kind)
            {
                case GendbTokenKind.String:
                    return GendbValue.FromString(token.Value);
                case GendbTokenKind.Integer or GendbTokenKind.Decimal:
                    return Number(token, token.Value, token.Start);
                case GendbTokenKind.Operator when token.Value is "-" or "+":
                    var number = Next();
                    if (number.Kind is not (GendbTokenKind.Integer or GendbTokenKind.Decimal))
                    {
                        throw SyntaxError(number, $"A sign must be followed by a number. {ValueHint}");
                    }

                    return Number(number, token.Value == "-" ? "-" + number.Value : number.Value, token.Start);
                case GendbTokenKind.Placeholder:
                    var index = int.Parse(token.Value, CultureInfo.InvariantCulture);
                    _maxPlaceholder = Math.Max(_maxPlaceholder, index);
                    return GendbValue.FromPlaceholder(index);
                case GendbTokenKind.Identifier when token.Value == "true":
                    return GendbValue.FromBoolean(true);
                case GendbTokenKind.Identifier when token.Value == "false":
                    return GendbValue.FromBoolean(false);
                case GendbTokenKind.Identifier when token.Value == "null":
                    return GendbValue.Null;
                case GendbTokenKind.Identifier:
                    throw SyntaxError(token, $"Quote text values in single quotes: {Example(parameter, BareWord(token.Start))}.");
                case GendbTokenKind.QuotedIdentifier:
                    throw SyntaxError(token,
                        $"Double quotes make an identifier; write text values in single quotes: {Example(parameter, token.Value)}.");
                case GendbTokenKind.End:
                    throw SyntaxError(token, $"Finish the argument list and close it with a parenthesis: {ExampleCall}.");
                default:
                    throw SyntaxError(token, ValueHint);
            }
        }

        private GendbValue Number(GendbToken token, string text, int start)
        {
            if (token.Kind == GendbTokenKind.Integer
                && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return GendbValue.FromInteger(integer);
            }

            // Too long for a bigint is numeric, as in PostgreSQL; too long for System.Decimal is an error.
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return GendbValue.FromDecimal(number);
            }

            throw new GendbErrorException(new GendbError(
                GendbSqlState.NumericValueOutOfRange,
                $"numeric value {SqlText.Excerpt(text)} is out of range",
                "GenDB numbers hold at most 28 significant digits; integers are 64-bit.",
                _lexer.PositionOf(start)));
        }

        /// <summary>After the closing parenthesis: an optional <c>;</c>, then nothing but whitespace and comments.</summary>
        private void ReadEnd(int callStart, int callEnd)
        {
            var next = Next();
            if (next.Kind == GendbTokenKind.End)
            {
                return;
            }

            if (next.Kind != GendbTokenKind.Semicolon)
            {
                throw SyntaxError(next, "Nothing may follow a GenDB call but a semicolon.");
            }

            // Empty statements (";;") are harmless, as in PostgreSQL; anything else is another statement,
            // which the proxy would have to split off and relay: it does not, so it says so.
            while (true)
            {
                _lexer.SkipTrivia();
                if (_lexer.AtEnd)
                {
                    return;
                }

                if (_sql[_lexer.Offset] == ';')
                {
                    _lexer.Skip(1);
                    continue;
                }

                var theCall = SqlText.Excerpt(_sql.AsSpan(callStart, callEnd - callStart));
                throw new GendbErrorException(new GendbError(
                    GendbSqlState.FeatureNotSupported,
                    "GenDB calls must be sent as separate statements",
                    $"Send \"{theCall}\" in a query of its own, and the other statements in another.",
                    _lexer.PositionOf(_lexer.Offset)));
            }
        }

        private GendbToken Next()
        {
            if (_peeked is { } peeked)
            {
                _peeked = null;
                return peeked;
            }

            return _lexer.Read();
        }

        private GendbToken Peek() => _peeked ??= _lexer.Read();

        /// <summary>
        /// The word as the user wrote it (case kept), with any dots and wildcards that follow, so that
        /// the hint for <c>include =&gt; Sales.*</c> is <c>include =&gt; 'Sales.*'</c>.
        /// </summary>
        private string BareWord(int start)
        {
            var end = start;
            while (end < _sql.Length && (SqlCharacters.IsIdentifierContinue(_sql[end]) || _sql[end] is '.' or '*' or '?' or '%'))
            {
                end++;
            }

            return SqlText.Excerpt(_sql.AsSpan(start, end - start));
        }

        private static string Example(string? parameter, string text) =>
            parameter is null
                ? SqlText.QuoteLiteral(text)
                : $"{SqlText.QuoteIdentifierIfNeeded(parameter)} => {SqlText.QuoteLiteral(text)}";

        private GendbErrorException SyntaxError(GendbToken token, string? hint)
        {
            var message = token.Kind == GendbTokenKind.End
                ? "syntax error at end of input"
                : $"syntax error at or near \"{SqlText.Excerpt(_sql.AsSpan(token.Start, token.End - token.Start))}\"";
            return new GendbErrorException(new GendbError(GendbSqlState.SyntaxError, message, hint, _lexer.PositionOf(token.Start)));
        }
    }
}
