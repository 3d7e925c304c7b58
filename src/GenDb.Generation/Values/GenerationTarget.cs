using System.Globalization;
using GenDb.Schema;

namespace GenDb.Generation.Values;

/// <summary>The column a generator makes values for: what its errors name.</summary>
internal sealed class GenerationTarget(TableModel table, ColumnModel column)
{
    public const string UnsupportedHint = "Exclude the table, or give the column a generator in gendb.yaml; a nullable column is filled with NULLs.";

    public string Table { get; } = table.QualifiedName.ToString();

    public string Column { get; } = column.Name;

    public string ColumnTypeSql { get; } = column.TypeSql;

    /// <summary>0A000: no generator exists for <paramref name="typeSql"/> (the column's type or a part of it).</summary>
    public GenerationException Unsupported(string typeSql)
    {
        var part = typeSql == ColumnTypeSql ? string.Empty : $" (in {ColumnTypeSql})";
        return new GenerationException(
            "0A000",
            $"cannot generate values for column \"{Column}\" of table {Table}: type {typeSql}{part} is not supported",
            UnsupportedHint)
        {
            Table = Table,
            Column = Column,
        };
    }

    /// <summary>23514: the column's constraints leave no value of its type.</summary>
    public GenerationException NoValue(string typeSql) =>
        new("23514", $"cannot generate values for column \"{Column}\" of table {Table}: no value of type {typeSql} satisfies its constraints",
            "Check the column's CHECK constraints and partition bounds, or give the column a generator in gendb.yaml.")
        {
            Table = Table,
            Column = Column,
        };

    /// <summary>22003: a unique column ran out of distinct values its type and rules allow.</summary>
    public GenerationException Exhausted(string typeSql, long row) =>
        new("22003",
            string.Create(CultureInfo.InvariantCulture, $"cannot generate a unique value for row {row + 1} of column \"{Column}\" of table {Table}: type {typeSql} and the column's constraints allow no more distinct values"),
            "Generate fewer rows for the table, or widen the column's type or constraints.")
        {
            Table = Table,
            Column = Column,
        };
}
