using System.Globalization;
using System.Text;

namespace GenDb.Generation.Constraints;

/// <summary>
/// Reads constants through the casts the deparser prints around them (<c>(0)::numeric</c>,
/// <c>'-5'::integer</c>, <c>('1e10'::numeric)::double precision</c>, <c>'{1,2}'::integer[]</c>), refusing
/// every cast that could change the value, so the text that comes out is the value the CHECK compares with.
/// </summary>
internal static class ConstantFolding
{
    public static bool TryConstant(SqlExpression expression, out TypedLiteral literal)
    {
        switch (expression)
        {
            case ConstantValue constant:
                literal = new TypedLiteral(constant.Text, constant.Type);
                return true;
            case CastExpression cast when cast.Type.ArrayDimensions == 0
                && TryConstant(cast.Operand, out var inner)
                && Cast(inner, cast.Type) is { } folded:
                literal = folded;
                return true;
            case PrefixExpression { Operator: "-" or "+" } prefix
                when TryConstant(prefix.Operand, out var operand)
                && !operand.IsNull
                && operand.Family is TypeFamily.Integer or TypeFamily.Numeric or TypeFamily.Float:
                literal = prefix.Operator == "+" ? operand : operand with { Text = Negate(operand.Text!) };
                return true;
            default:
                literal = null!;
                return false;
        }
    }

    /// <summary>The elements of <c>ARRAY[...]</c>, of a cast of one, or of an array constant <c>'{a,b}'::text[]</c>.</summary>
    public static bool TryArray(SqlExpression expression, out List<TypedLiteral> elements)
    {
        elements = [];
        switch (expression)
        {
            case ArrayConstructor array:
                foreach (var element in array.Elements)
                {
                    if (!TryConstant(element, out var literal))
                    {
                        return false;
                    }

                    elements.Add(literal);
                }

                return true;
            case CastExpression { Type.ArrayDimensions: 1 } cast:
                List<TypedLiteral> source;
                if (cast.Operand is ConstantValue { Type: null, Text: { } text })
                {
                    if (!ArrayText.TryParse(text, out var items))
                    {
                        return false;
                    }

                    source = [.. items.Select(item => new TypedLiteral(item, null))];
                }
                else if (!TryArray(cast.Operand, out source))
                {
                    return false;
                }

                foreach (var item in source)
                {
                    if (Cast(item, cast.Type.Element) is not { } folded)
                    {
                        return false;
                    }

                    elements.Add(folded);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// <paramref name="literal"/> cast to <paramref name="target"/>, or null when the cast might change the
    /// value (rounding, truncation, a time zone) or the target's equality is not plain (citext).
    /// </summary>
    public static TypedLiteral? Cast(TypedLiteral literal, SqlTypeName target)
    {
        if (target.ArrayDimensions > 0 || IsCaseInsensitive(target))
        {
            return null;
        }

        if (literal.IsNull)
        {
            return new TypedLiteral(null, target);
        }

        var text = literal.Text!;
        if (literal.Type is not { } source)
        {
            // A string constant gets its type here: the type's input function reads the text as written.
            return ModifiersKeepText(text, target) ? new TypedLiteral(text, target) : null;
        }

        if (source.Name == target.Name && target.Modifiers.Count == 0)
        {
            return literal with { Type = target };
        }

        var widening = (source.Family, target.Family) switch
        {
            (TypeFamily.Integer or TypeFamily.Numeric or TypeFamily.Float, TypeFamily.Integer) => target.Modifiers.Count == 0 && IsIntegral(text),
            (TypeFamily.Integer or TypeFamily.Numeric, TypeFamily.Numeric or TypeFamily.Float) => target.Modifiers.Count == 0,
            (TypeFamily.Text, TypeFamily.Text) => ModifiersKeepText(text, target),
            (TypeFamily.Date, TypeFamily.Timestamp or TypeFamily.TimestampWithTimeZone) => target.Modifiers.Count == 0,
            (TypeFamily.Timestamp, TypeFamily.TimestampWithTimeZone) => target.Modifiers.Count == 0,
            (TypeFamily.Boolean, TypeFamily.Boolean) => true,
            _ => false,
        };
        return widening ? new TypedLiteral(text, target) : null;
    }

    /// <summary>citext compares without case: a rule read as plain text equality would be wrong.</summary>
    public static bool IsCaseInsensitive(SqlTypeName type) =>
        type.Name == "citext" || type.Name.EndsWith(".citext", StringComparison.Ordinal);

    private static bool ModifiersKeepText(string text, SqlTypeName target)
    {
        if (target.Modifiers.Count == 0)
        {
            return true;
        }

        // character varying(n) and character(n) cut longer text; anything shorter passes unchanged
        // (character(n) pads, which its comparisons ignore). Other modifiers round: refuse.
        return target.Family == TypeFamily.Text
            && target.Modifiers is [var modifier]
            && int.TryParse(modifier, CultureInfo.InvariantCulture, out var length)
            && text.EnumerateRunes().Count() <= length;
    }

    private static bool IsIntegral(string text)
    {
        var digits = text.AsSpan().TrimStart("+-");
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    private static string Negate(string text) => text switch
    {
        ['-', .. var rest] => rest,
        ['+', .. var rest] => "-" + rest,
        _ => "-" + text,
    };

    /// <summary>
    /// The text form of a one-dimensional array constant (docs section 8.15.2, "Array Value Input"):
    /// <c>{a,"b c",NULL}</c>. Elements come back unquoted; an unquoted NULL is null.
    /// </summary>
    private static class ArrayText
    {
        public static bool TryParse(string text, out List<string?> items)
        {
            items = [];
            var span = text.AsSpan().Trim();
            if (span.Length < 2 || span[0] != '{' || span[^1] != '}')
            {
                return false;
            }

            var body = span[1..^1];
            if (body.Trim().IsEmpty)
            {
                return true;
            }

            var i = 0;
            while (true)
            {
                while (i < body.Length && char.IsWhiteSpace(body[i]))
                {
                    i++;
                }

                if (i >= body.Length || body[i] == '{' || body[i] == '}')
                {
                    // A nested array or an empty element.
                    return false;
                }

                var builder = new StringBuilder();
                if (body[i] == '"')
                {
                    i++;
                    while (i < body.Length && body[i] != '"')
                    {
                        if (body[i] == '\\' && i + 1 < body.Length)
                        {
                            i++;
                        }

                        builder.Append(body[i++]);
                    }

                    if (i >= body.Length)
                    {
                        return false;
                    }

                    i++;
                    items.Add(builder.ToString());
                }
                else
                {
                    var escaped = false;
                    while (i < body.Length && body[i] != ',')
                    {
                        if (body[i] is '"' or '{' or '}')
                        {
                            return false;
                        }

                        if (body[i] == '\\' && i + 1 < body.Length)
                        {
                            escaped = true;
                            i++;
                        }

                        builder.Append(body[i++]);
                    }

                    var item = builder.ToString().TrimEnd();
                    items.Add(!escaped && item.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? null : item);
                }

                while (i < body.Length && char.IsWhiteSpace(body[i]))
                {
                    i++;
                }

                if (i >= body.Length)
                {
                    return true;
                }

                if (body[i] != ',')
                {
                    return false;
                }

                i++;
            }
        }
    }
}
