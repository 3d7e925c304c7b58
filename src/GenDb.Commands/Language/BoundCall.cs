using System.Diagnostics.CodeAnalysis;

namespace GenDb.Commands;

/// <summary>
/// A gendb call checked against its procedure: one value per parameter, given or defaulted, as
/// string, long, bool or null.
/// </summary>
public sealed class BoundCall
{
    public BoundCall(ProcedureDefinition procedure, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(values);
        Procedure = procedure;
        Values = values;
    }

    public ProcedureDefinition Procedure { get; }

    /// <summary>By parameter name (never by alias); every parameter of <see cref="Procedure"/> is present.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    public string? GetText(string parameter) => (string?)Get(parameter, GendbType.Text);

    public long? GetInteger(string parameter) => (long?)Get(parameter, GendbType.Integer);

    public bool? GetBoolean(string parameter) => (bool?)Get(parameter, GendbType.Boolean);

    public override string ToString() =>
        $"gendb.{Procedure.Name}({string.Join(", ", Procedure.Parameters.Select(p => $"{p.Name} => {ProcedureParameter.FormatValue(Values[p.Name])}"))})";

    private object? Get(string parameter, GendbType type)
    {
        var index = Procedure.IndexOfParameter(parameter);
        if (index < 0 || Procedure.Parameters[index].Name != parameter)
        {
            throw new ArgumentException($"gendb.{Procedure.Name} has no parameter {parameter}.", nameof(parameter));
        }

        if (Procedure.Parameters[index].Type != type)
        {
            throw new InvalidOperationException(
                $"The parameter {parameter} of gendb.{Procedure.Name} is {Procedure.Parameters[index].Type.SqlName()}, not {type.SqlName()}.");
        }

        return Values[parameter];
    }
}

/// <summary>What <see cref="ProcedureBinder.Bind"/> returns: a <see cref="BoundCall"/> or a <see cref="GendbError"/>.</summary>
public sealed class GendbBindResult
{
    private GendbBindResult(BoundCall? call, GendbError? error)
    {
        Call = call;
        Error = error;
    }

    public BoundCall? Call { get; }

    public GendbError? Error { get; }

    [MemberNotNullWhen(true, nameof(Call))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Call is not null;

    public static GendbBindResult Success(BoundCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new(call, null);
    }

    public static GendbBindResult Failure(GendbError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(null, error);
    }

    public override string ToString() => IsSuccess ? Call.ToString() : Error.ToString();
}
