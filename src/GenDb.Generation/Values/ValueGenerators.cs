using GenDb.Generation.Constraints;
using GenDb.Schema;

namespace GenDb.Generation.Values;

/// <summary>Chooses the generator for a column from its type, type modifier and rules.</summary>
public static class ValueGenerators
{
    /// <summary>
    /// A generator for <paramref name="column"/> whose values obey <paramref name="rules"/> and the
    /// type modifier. With <paramref name="unique"/>, a generator whose <see cref="IValueGenerator.IsUnique"/>
    /// is true where the type and rules allow one. Throws <see cref="GenerationException"/>
    /// (SQLSTATE 0A000) naming the column and type when the type cannot be generated.
    /// </summary>
    public static IValueGenerator ForColumn(TableModel table, ColumnModel column, DatabaseModel model, ColumnRules rules, bool unique) =>
        throw new GenerationException("0A000", $"column \"{column.Name}\" of table {table.QualifiedName}: type {column.TypeSql} is not supported yet");
}
