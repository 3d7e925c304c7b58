using System.Globalization;

namespace GenDb.Commands;

/// <summary>One parameter of a GenDB procedure.</summary>
/// <param name="Name">The name used with <c>name =&gt; value</c>; lower case.</param>
/// <param name="Type">What values it takes.</param>
/// <param name="Default">
/// The value when the argument is left out: a string, long or bool matching <paramref name="Type"/>,
/// or null for SQL NULL. Must be null when <paramref name="Required"/>.
/// </param>
/// <param name="Required">Whether the argument must be given, and given a value other than NULL.</param>
/// <param name="Description">One sentence for <c>gendb.help()</c>.</param>
/// <param name="Aliases">Other names accepted for it, kept for the calls written for earlier GenDB versions.</param>
public sealed record ProcedureParameter(
    string Name,
    GendbType Type,
    object? Default,
    bool Required,
    string Description,
    IReadOnlyList<string> Aliases)
{
    /// <summary>Whether <paramref name="name"/> is this parameter's name or one of its aliases.</summary>
    public bool IsCalled(string name) => Name == name || Aliases.Contains(name);

    /// <summary>The default as SQL (<c>NULL</c>, <c>'session'</c>, <c>100</c>, <c>true</c>), or null when the parameter is required.</summary>
    public string? DefaultSql => Required ? null : FormatValue(Default);

    /// <summary><c>include text DEFAULT NULL</c>, as in a CREATE PROCEDURE.</summary>
    public override string ToString() =>
        DefaultSql is { } defaultSql ? $"{Name} {Type.SqlName()} DEFAULT {defaultSql}" : $"{Name} {Type.SqlName()}";

    /// <summary>A bound value (string, long, bool or null) written as SQL.</summary>
    internal static string FormatValue(object? value) => value switch
    {
        null => "NULL",
        string text => SqlText.QuoteLiteral(text),
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "NULL",
    };
}

/// <summary>A GenDB procedure: its name after <c>gendb.</c>, what it does, and its parameters in positional order.</summary>
public sealed record ProcedureDefinition(string Name, string Description, IReadOnlyList<ProcedureParameter> Parameters)
{
    /// <summary><c>gendb.return_actual(include text DEFAULT NULL, …)</c>.</summary>
    public string Signature => $"gendb.{Name}({string.Join(", ", Parameters)})";

    /// <summary>The index in <see cref="Parameters"/> of the parameter with this name or alias, or -1.</summary>
    public int IndexOfParameter(string name)
    {
        for (var i = 0; i < Parameters.Count; i++)
        {
            if (Parameters[i].IsCalled(name))
            {
                return i;
            }
        }

        return -1;
    }

    public override string ToString() => Signature;
}
