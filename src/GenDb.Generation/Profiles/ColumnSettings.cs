using System.Text.RegularExpressions;
using GenDb.Generation.Semantics;
using GenDb.Schema;

namespace GenDb.Generation.Profiles;

/// <summary>
/// What gendb.yaml says about one column once precedence is applied: each part (generator,
/// null_fraction, unique) comes from the table entry when it has it, else from the first
/// column rule that matches.
/// </summary>
internal sealed record ColumnSettings(GeneratorSpec? Generator, GeneratorSource GeneratorFrom, double? NullFraction, bool? Unique, SourceLocation? Where)
{
    public static ColumnSettings None { get; } = new(null, GeneratorSource.TypeFallback, null, null, null);
}

/// <summary>Finds the gendb.yaml entries that apply to a table and its columns.</summary>
internal static class ProfileLookup
{
    public static ColumnSettings ForColumn(GenerationProfile profile, TableProfile? table, QualifiedName tableName, string column)
    {
        ColumnOverride? own = null;
        table?.Columns.TryGetValue(column, out own);
        var rule = profile.ColumnRules.FirstOrDefault(r => Matches(r.Pattern, tableName, column))?.Override;
        if (own is null && rule is null)
        {
            return ColumnSettings.None;
        }

        var generator = own?.Generator ?? rule?.Generator;
        var from = own?.Generator is not null ? GeneratorSource.Override : GeneratorSource.ColumnRule;
        var where = own?.Generator is not null ? own.Generator.Where ?? own.Where : rule?.Generator?.Where ?? own?.Where ?? rule?.Where;
        return new ColumnSettings(generator, from, own?.NullFraction ?? rule?.NullFraction, own?.Unique ?? rule?.Unique, where);
    }

    /// <summary>A glob over the column name; with one dot over <c>table.column</c>, with two over <c>schema.table.column</c>.</summary>
    public static bool Matches(string pattern, QualifiedName table, string column)
    {
        var dots = pattern.Count(c => c == '.');
        var subject = dots switch
        {
            0 => column,
            1 => $"{table.Name}.{column}",
            _ => $"{table.Schema}.{table.Name}.{column}",
        };
        // The static IsMatch keeps compiled patterns in Regex's own cache: a rule is not rebuilt per column.
        return Regex.IsMatch(subject, Glob(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static string Glob(string pattern) =>
        "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
}
