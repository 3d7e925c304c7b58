using System.Diagnostics.CodeAnalysis;
using GenDb.Generation.Constraints;
using GenDb.Schema;

namespace GenDb.Generation.Values;

/// <summary>
/// Chooses the generator for a column from its type, type modifier and rules. Generators keep no
/// mutable state once built: one instance can serve several threads, each with its own
/// <see cref="Randomness.Rng"/> and <see cref="ValueBuilder"/>.
/// </summary>
public static class ValueGenerators
{
    /// <summary>
    /// A generator for <paramref name="column"/> whose values obey <paramref name="rules"/> and the
    /// type modifier. With <paramref name="unique"/>, a generator whose <see cref="IValueGenerator.IsUnique"/>
    /// is true where the type and rules allow one. Throws <see cref="GenerationException"/>
    /// (SQLSTATE 0A000) naming the column and type when the type cannot be generated, and (23514)
    /// when the rules leave no value of the type.
    /// </summary>
    public static IValueGenerator ForColumn(TableModel table, ColumnModel column, DatabaseModel model, ColumnRules rules, bool unique)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rules);

        var factory = new GeneratorFactory(model, new GenerationTarget(table, column));
        return factory.Create(column.Type, column.TypeSql, column.ElementType, RuleSet.None.With(rules), unique);
    }

    /// <summary>
    /// Like <see cref="ForColumn"/>, but reports a column that cannot be generated through
    /// <paramref name="error"/> instead of throwing, so the loader can fill a nullable column with NULLs.
    /// </summary>
    public static bool TryForColumn(
        TableModel table,
        ColumnModel column,
        DatabaseModel model,
        ColumnRules rules,
        bool unique,
        [NotNullWhen(true)] out IValueGenerator? generator,
        [NotNullWhen(false)] out GenerationException? error)
    {
        try
        {
            generator = ForColumn(table, column, model, rules, unique);
            error = null;
            return true;
        }
        catch (GenerationException ex)
        {
            generator = null;
            error = ex;
            return false;
        }
    }
}
