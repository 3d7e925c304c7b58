using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text.Unicode;

namespace GenDb.Commands;

/// <summary>
/// Checks a parsed call against the catalog and gives every parameter its value: arguments matched
/// by position or by name (or alias), placeholders replaced by the Bind message's values, values
/// converted to the parameter's type, and defaults filled in.
/// </summary>
public static class ProcedureBinder
{
    /// <summary>Strings a boolean parameter accepts, besides true and false.</summary>
    private static readonly Dictionary<string, bool> BooleanWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["true"] = true,
        ["false"] = false,
        ["on"] = true,
        ["off"] = false,
        ["yes"] = true,
        ["no"] = false,
        ["1"] = true,
        ["0"] = false,
    };

    public static GendbBindResult Bind(ProcedureCatalog catalog, GendbCall call, IReadOnlyList<PlaceholderValue> placeholders)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(placeholders);

        var procedureName = "gendb." + SqlText.QuoteIdentifierIfNeeded(call.Procedure);
        if (!catalog.TryGet(call.Procedure, out var procedure))
        {
            return Fail(
                GendbSqlState.UndefinedFunction,
                $"procedure {procedureName} does not exist",
                $"GenDB procedures: {string.Join(", ", catalog.Procedures.Select(p => p.Name))}. CALL gendb.help() lists their parameters.",
                call.ProcedurePosition);
        }

        var parameters = procedure.Parameters;
        var given = new GendbArgument?[parameters.Count];
        var values = new Dictionary<string, object?>(parameters.Count, StringComparer.Ordinal);
        var nextPosition = 0;
        foreach (var argument in call.Arguments)
        {
            int index;
            if (argument.Name is null)
            {
                index = nextPosition++;
                if (index >= parameters.Count)
                {
                    return Fail(
                        GendbSqlState.InvalidParameterValue,
                        $"too many arguments for {procedureName}: it takes {Count(parameters.Count, "argument")}, got {call.Arguments.Count(a => !a.IsNamed)}",
                        $"The signature is {procedure.Signature}.",
                        argument.Position);
                }
            }
            else
            {
                index = procedure.IndexOfParameter(argument.Name);
                if (index < 0)
                {
                    return Fail(
                        GendbSqlState.InvalidParameterValue,
                        $"procedure {procedureName} has no parameter \"{argument.Name}\"",
                        parameters.Count == 0
                            ? $"{procedureName} takes no arguments."
                            : $"Parameters of {procedureName}: {string.Join(", ", parameters.Select(p => p.Name))}.",
                        argument.Position);
                }
            }

            var parameter = parameters[index];
            if (given[index] is { } earlier)
            {
                var alias = new[] { earlier.Name, argument.Name }.FirstOrDefault(n => n is not null && n != parameter.Name);
                var aliasNote = alias is null ? string.Empty : $" ({alias} is another name for {parameter.Name})";
                return Fail(
                    GendbSqlState.InvalidParameterValue,
                    $"parameter \"{parameter.Name}\" of {procedureName} is given more than once{aliasNote}",
                    "Give each parameter once.",
                    argument.Position);
            }

            given[index] = argument;
            var error = Convert(procedureName, parameter, argument, placeholders, out var value);
            if (error is not null)
            {
                return GendbBindResult.Failure(error);
            }

            values[parameter.Name] = value;
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            if (given[i] is not null)
            {
                continue;
            }

            if (parameters[i].Required)
            {
                return Fail(
                    GendbSqlState.InvalidParameterValue,
                    $"missing value for required parameter \"{parameters[i].Name}\" of {procedureName}",
                    $"The signature is {procedure.Signature}.",
                    call.ProcedurePosition);
            }

            values[parameters[i].Name] = parameters[i].Default;
        }

        return GendbBindResult.Success(new BoundCall(procedure, values));
    }

    /// <summary>The argument's value as the parameter's type (string, long, bool) or null; a <see cref="GendbError"/> when it cannot be.</summary>
    private static GendbError? Convert(
        string procedureName,
        ProcedureParameter parameter,
        GendbArgument argument,
        IReadOnlyList<PlaceholderValue> placeholders,
        out object? result)
    {
        result = null;
        var value = argument.Value;
        var shown = Describe(value);
        if (value.Kind == GendbValueKind.Placeholder)
        {
            var error = Resolve(value.PlaceholderIndex, placeholders, argument.Position, out value);
            if (error is not null)
            {
                return error;
            }

            shown = $"{argument.Value} = {Describe(value)}";
        }

        if (value.IsNull)
        {
            return parameter.Required
                ? new GendbError(
                    GendbSqlState.InvalidParameterValue,
                    $"parameter \"{parameter.Name}\" of {procedureName} cannot be NULL",
                    $"Give {parameter.Name} a {parameter.Type.SqlName()} value.",
                    argument.Position)
                : null;
        }

        switch (parameter.Type)
        {
            case GendbType.Text when value.Kind == GendbValueKind.String:
                result = value.Text;
                return null;
            case GendbType.Integer when value.Kind == GendbValueKind.Integer:
                result = value.IntegerValue;
                return null;
            case GendbType.Integer when value.Kind == GendbValueKind.String
                && long.TryParse(value.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                    CultureInfo.InvariantCulture, out var integer):
                result = integer;
                return null;
            case GendbType.Boolean when value.Kind == GendbValueKind.Boolean:
                result = value.BooleanValue;
                return null;
            case GendbType.Boolean when value.Kind == GendbValueKind.String
                && BooleanWords.TryGetValue(value.Text.Trim(' ', '\t', '\n', '\r', '\f', '\v'), out var flag):
                result = flag;
                return null;
            default:
                break;
        }

        var name = parameter.Name;
        var fromPlaceholder = argument.Value.Kind == GendbValueKind.Placeholder;
        var hint = parameter.Type switch
        {
            GendbType.Text when fromPlaceholder => $"Send {argument.Value} as text.",
            GendbType.Text => $"Quote text values in single quotes: {name} => {SqlText.QuoteLiteral(value.ToString())}.",
            GendbType.Integer => $"Give {name} a whole number, such as {name} => 42 or {name} => '42'.",
            _ => $"Give {name} true or false; 'on', 'off', 'yes', 'no', '1' and '0' work too.",
        };
        return new GendbError(
            GendbSqlState.InvalidParameterValue,
            $"invalid value for parameter \"{name}\" of {procedureName}: expected {parameter.Type.SqlName()}, got {shown}",
            hint,
            argument.Position);
    }

    /// <summary>The value of <c>$index</c> from the Bind message, as a string, integer, boolean or NULL literal.</summary>
    private static GendbError? Resolve(int index, IReadOnlyList<PlaceholderValue> placeholders, int position, out GendbValue value)
    {
        value = GendbValue.Null;
        if (index > placeholders.Count)
        {
            return new GendbError(
                GendbSqlState.UndefinedParameter,
                $"there is no parameter ${index}",
                placeholders.Count == 0
                    ? "No parameter values came with the statement: write the value into the call, e.g. include => 'users'."
                    : $"Only {Count(placeholders.Count, "parameter value")} came with the statement.",
                position);
        }

        var placeholder = placeholders[index - 1];
        if (placeholder.Value is not { } bytes)
        {
            return null;
        }

        if (placeholder.FormatCode == PlaceholderValue.TextFormat)
        {
            return DecodeText(index, bytes, position, out value);
        }

        if (placeholder.FormatCode != PlaceholderValue.BinaryFormat)
        {
            return new GendbError(
                GendbSqlState.InvalidParameterValue,
                $"unsupported format code {placeholder.FormatCode} for parameter ${index}",
                "Send parameters in text (0) or binary (1) format.",
                position);
        }

        switch (placeholder.TypeOid)
        {
            case PostgresTypeOid.Bool when bytes.Length == 1:
                value = GendbValue.FromBoolean(bytes[0] != 0);
                return null;
            case PostgresTypeOid.Int2 when bytes.Length == 2:
                value = GendbValue.FromInteger(BinaryPrimitives.ReadInt16BigEndian(bytes));
                return null;
            case PostgresTypeOid.Int4 when bytes.Length == 4:
                value = GendbValue.FromInteger(BinaryPrimitives.ReadInt32BigEndian(bytes));
                return null;
            case PostgresTypeOid.Int8 when bytes.Length == 8:
                value = GendbValue.FromInteger(BinaryPrimitives.ReadInt64BigEndian(bytes));
                return null;
            case PostgresTypeOid.Bool or PostgresTypeOid.Int2 or PostgresTypeOid.Int4 or PostgresTypeOid.Int8:
                return new GendbError(
                    GendbSqlState.InvalidBinaryRepresentation,
                    $"incorrect binary data format in bind parameter {index}",
                    $"A binary {PostgresTypeOid.NameOf(placeholder.TypeOid)} takes {PostgresTypeOid.BinaryLength(placeholder.TypeOid)} bytes, not {bytes.Length}.",
                    position);
            case PostgresTypeOid.Unspecified or PostgresTypeOid.Text or PostgresTypeOid.Varchar or PostgresTypeOid.Name
                or PostgresTypeOid.Unknown or PostgresTypeOid.Bpchar:
                return DecodeText(index, bytes, position, out value);
            default:
                return new GendbError(
                    GendbSqlState.InvalidParameterValue,
                    $"unsupported parameter type for ${index}: binary format with type OID {placeholder.TypeOid}",
                    "Send the parameter in text format, or in binary as bool, int2, int4, int8 or text.",
                    position);
        }
    }

    private static GendbError? DecodeText(int index, byte[] bytes, int position, out GendbValue value)
    {
        value = GendbValue.Null;
        var chars = new char[bytes.Length];
        if (Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false) != OperationStatus.Done
            || Array.IndexOf(bytes, (byte)0) >= 0)
        {
            var bad = Array.IndexOf(bytes, (byte)0) is var nul and >= 0 && nul <= read ? nul : read;
            return new GendbError(
                GendbSqlState.CharacterNotInRepertoire,
                $"invalid byte sequence for encoding \"UTF8\": {SqlText.HexBytes(bytes.AsSpan(bad, Math.Min(4, bytes.Length - bad)))}",
                $"Send parameter ${index} as UTF-8 text without NUL characters.",
                position);
        }

        value = GendbValue.FromString(new string(chars, 0, written));
        return null;
    }

    /// <summary>For messages: <c>'abc'</c>, or <c>the integer 5</c> where the kind is not obvious from a bare literal.</summary>
    private static string Describe(GendbValue value) => value.Kind switch
    {
        GendbValueKind.Integer => $"the integer {value}",
        GendbValueKind.Decimal => $"the number {value}",
        GendbValueKind.Boolean => $"the boolean {value}",
        _ => value.ToString(),
    };

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static GendbBindResult Fail(string sqlState, string message, string hint, int position) =>
        GendbBindResult.Failure(new GendbError(sqlState, message, hint, position));
}
