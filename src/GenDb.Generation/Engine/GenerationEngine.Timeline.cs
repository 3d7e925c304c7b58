using System.Globalization;
using GenDb.Generation.Semantics;
using GenDb.Schema;
using GenDb.Sql;

namespace GenDb.Generation.Engine;

public sealed partial class GenerationEngine
{
    /// <summary>
    /// A child row begins after its parent: an order after its customer signed up. When a table
    /// and the parent of one of its foreign keys both have a detected creation column, the
    /// child's timeline columns are moved, row by row, by the same increasing map from
    /// [earliest, latest] onto [parent's creation, latest], so each row keeps its own order
    /// (created ≤ updated ≤ deleted) and stays in the past. Under a savepoint: a CHECK or unique
    /// key the moved values would break leaves the rows as they were, with a note.
    /// </summary>
    private async Task FollowParentTimelineAsync(TablePlan plan, IReadOnlyDictionary<QualifiedName, TablePlan> plans, CancellationToken cancellationToken)
    {
        if (options.Mode == GenerationMode.Append)
        {
            // The map is fitted to the whole table: in append mode it would move rows generated before.
            return;
        }

        var columns = plan.Columns
            .Where(c => c.Source == ColumnSource.Generated && c.Timeline is not null && c.Template is null && IsInstant(c.Column))
            .ToList();
        if (!columns.Any(c => c.Timeline == TimelinePoint.Origin))
        {
            return;
        }

        foreach (var key in plan.ForeignKeys.Where(k => !k.Deferred && k.Parent != plan.Table.QualifiedName))
        {
            if (!plans.TryGetValue(key.Parent, out var parent)
                || parent.Columns.FirstOrDefault(c => c.Timeline == TimelinePoint.Origin && c.Source == ColumnSource.Generated && IsInstant(c.Column)) is not { } origin)
            {
                continue;
            }

            var epochs = columns.Select(c => Epoch("c", c.Column)).ToList();
            var now = options.Semantics.ReferenceTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var join = string.Join(" AND ", key.Constraint.Columns.Select((column, i) =>
                $"c.{Quote.Identifier(column)} = p.{Quote.Identifier(key.Constraint.ReferencedColumns[i])}"));
            var parentEpoch = Epoch("p", origin.Column);
            var sets = columns.Select(c =>
            {
                var epoch = Epoch("c", c.Column);
                var moved = $"{parentEpoch} + ({epoch} - b.t0) * (b.t1 - {parentEpoch}) / (b.t1 - b.t0)";
                return $"{Quote.Identifier(c.Column.Name)} = {FromEpoch(moved, c.Column)}";
            });
            var sql = $"""
                WITH b AS (
                    SELECT least({string.Join(", ", epochs.Select(e => $"min({e})"))}) AS t0,
                           greatest({now}, {string.Join(", ", epochs.Select(e => $"max({e})"))}) AS t1
                    FROM {plan.Synthetic.Sql} AS c)
                UPDATE {plan.Synthetic.Sql} AS c SET {string.Join(", ", sets)}
                FROM {parent.Synthetic.Sql} AS p, b
                WHERE {join} AND {parentEpoch} IS NOT NULL AND b.t1 > b.t0 AND {parentEpoch} < b.t1
                """;
            await session.QueryAsync("SAVEPOINT gendb_timeline", cancellationToken);
            try
            {
                await session.QueryAsync(sql, cancellationToken);
                await session.QueryAsync("RELEASE SAVEPOINT gendb_timeline", cancellationToken);
                plan.Notes.Add($"{string.Join(", ", columns.Select(c => c.Column.Name))} follow {key.Parent}.{origin.Column.Name}");
            }
            catch (SqlErrorException ex)
            {
                await session.QueryAsync("ROLLBACK TO SAVEPOINT gendb_timeline", cancellationToken);
                await session.QueryAsync("RELEASE SAVEPOINT gendb_timeline", cancellationToken);
                plan.Notes.Add($"rows were not moved after {key.Parent}.{origin.Column.Name}: {ex.Error.Message}");
            }

            return;
        }
    }

    private static bool IsInstant(ColumnModel column) =>
        column.Type.IsBuiltIn && column.Type.Name is "timestamptz" or "timestamp" or "date";

    /// <summary>
    /// Seconds since 1970 of a column's value. timestamp and date are read in the session's time
    /// zone, as PostgreSQL reads them when it compares them with a timestamptz, so a child in one
    /// type and its parent in another still compare in the order the map gives them.
    /// </summary>
    private static string Epoch(string alias, ColumnModel column) =>
        $"extract(epoch FROM {alias}.{Quote.Identifier(column.Name)}::timestamptz)";

    /// <summary>Seconds since 1970 back to the column's type, in the session's time zone (see <see cref="Epoch"/>).</summary>
    private static string FromEpoch(string seconds, ColumnModel column) => $"to_timestamp({seconds})::{column.TypeSql}";
}
