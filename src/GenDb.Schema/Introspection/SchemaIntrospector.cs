using System.Text.Json;
using GenDb.Protocol;
using GenDb.Sql;

namespace GenDb.Schema;

/// <summary>
/// Reads the schema of the database an <see cref="ISqlSession"/> is connected to into a
/// <see cref="DatabaseModel"/>, with one catalog query.
/// </summary>
public static partial class SchemaIntrospector
{
    /// <summary>
    /// Reads every table, user-defined type and sequence the session's role can see, outside the
    /// system schemas and GenDB's <c>gendb_*</c> schemas.
    /// </summary>
    /// <exception cref="SqlErrorException">The session is in a failed transaction, or the catalog query failed.</exception>
    public static async Task<DatabaseModel> ReadAsync(ISqlSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.TransactionStatus == TransactionStatus.Failed)
        {
            throw new SqlErrorException(PostgresError.CreateError(
                SqlState.InFailedSqlTransaction,
                "cannot read the database schema: the current transaction is aborted",
                "ROLLBACK the transaction, then try again."));
        }

        // pg_get_expr, format_type and pg_get_constraintdef qualify names not on the search_path,
        // so an empty search_path makes every user object schema-qualified whatever the client set:
        // the definitions are then valid in a gendb_* copy's context too. is_local = true confines
        // the change to the implicit transaction of this one multi-statement query; inside the
        // client's own transaction block it would outlive the query, so it is put back afterwards.
        var inTransaction = session.TransactionStatus == TransactionStatus.InTransaction;
        string? previousSearchPath = null;
        if (inTransaction)
        {
            var current = await session.QueryAsync("SELECT current_setting('search_path')", cancellationToken);
            previousSearchPath = current.Rows.Count == 1 ? current.Rows[0][0] : null;
        }

        SqlResult result;
        try
        {
            result = await session.QueryAsync(ClearSearchPath + CatalogQuery, cancellationToken);
        }
        finally
        {
            if (previousSearchPath is not null)
            {
                await session.QueryAsync($"SELECT set_config('search_path', {Quote.Literal(previousSearchPath)}, true)", cancellationToken);
            }
        }

        if (result.Rows.Count != 1 || result.Rows[0].Length != 1 || result.Rows[0][0] is not { } json)
        {
            throw new SqlErrorException($"The catalog query returned {result.Rows.Count} rows instead of one JSON document.");
        }

        return Parse(json);
    }

    private const string ClearSearchPath = "SELECT set_config('search_path', '', true);\n";

    /// <summary>Builds the model from the JSON document <see cref="CatalogQuery"/> returns.</summary>
    internal static DatabaseModel Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        var columns = root.GetProperty("columns").EnumerateArray()
            .Select(c => (TableOid: c.UInt("table_oid"), Column: ReadColumn(c)))
            .ToLookup(c => c.TableOid, c => c.Column);
        var constraints = root.GetProperty("constraints").EnumerateArray()
            .Select(c => (TableOid: c.UInt("table_oid"), Constraint: ReadConstraint(c)))
            .ToLookup(c => c.TableOid, c => c.Constraint);
        var indexes = root.GetProperty("indexes").EnumerateArray()
            .Select(i => (TableOid: i.UInt("table_oid"), Index: ReadIndex(i)))
            .ToLookup(i => i.TableOid, i => i.Index);

        var tables = root.GetProperty("tables").EnumerateArray()
            .Select(t =>
            {
                var oid = t.UInt("oid");
                return ReadTable(
                    t,
                    [.. columns[oid].OrderBy(c => c.Position)],
                    [.. constraints[oid].OrderBy(c => c.Name, StringComparer.Ordinal)],
                    [.. indexes[oid].OrderBy(i => i.Name, StringComparer.Ordinal)]);
            })
            .OrderBy(t => t.QualifiedName)
            .ToList();

        var types = root.GetProperty("types").EnumerateArray()
            .Select(ReadType)
            .OfType<TypeModel>()
            .OrderBy(t => t.QualifiedName)
            .ToList();
        var sequences = root.GetProperty("sequences").EnumerateArray()
            .Select(ReadSequence)
            .OrderBy(s => s.QualifiedName)
            .ToList();

        return new DatabaseModel(tables, types, sequences);
    }

    private static TableModel ReadTable(JsonElement t, IReadOnlyList<ColumnModel> columns, IReadOnlyList<ConstraintModel> constraints, IReadOnlyList<IndexModel> indexes)
    {
        var kind = (t.Str("relkind"), t.Bool("is_partition")) switch
        {
            ("p", _) => TableKind.Partitioned,
            (_, true) => TableKind.Partition,
            _ => TableKind.Ordinary,
        };
        return new TableModel(
            t.Str("schema"),
            t.Str("name"),
            t.UInt("oid"),
            kind,
            t.OptStr("partition_key"),
            t.OptStr("partition_bound"),
            t.OptName("parent"),
            [.. t.GetProperty("inherits").EnumerateArray().Select(ToName)],
            columns,
            constraints,
            indexes,
            t.OptStr("comment"));
    }

    private static ColumnModel ReadColumn(JsonElement c) => new(
        c.Str("name"),
        c.Int("position"),
        c.Str("type_sql"),
        ToTypeReference(c.GetProperty("type")),
        c.TryGet("element_type") is { } element ? ToTypeReference(element) : null,
        c.Bool("not_null"),
        c.OptStr("default_expression"),
        c.Str("identity") switch
        {
            "a" => IdentityKind.Always,
            "d" => IdentityKind.ByDefault,
            _ => IdentityKind.None,
        },
        c.OptStr("generated_expression"),
        c.OptName("collation"),
        c.OptStr("comment"),
        c.OptName("owned_sequence"));

    private static ConstraintModel ReadConstraint(JsonElement c) => new(
        c.Str("name"),
        c.Str("kind") switch
        {
            "p" => ConstraintKind.PrimaryKey,
            "u" => ConstraintKind.Unique,
            "c" => ConstraintKind.Check,
            "f" => ConstraintKind.ForeignKey,
            "x" => ConstraintKind.Exclude,
            var other => throw new JsonException($"Unknown constraint type '{other}'."),
        },
        c.Str("definition"),
        c.Strings("columns"),
        c.OptName("referenced"),
        c.Strings("referenced_columns"),
        ToAction(c.Str("on_delete")),
        ToAction(c.Str("on_update")),
        c.Str("match_type") == "f",
        c.Bool("deferrable"),
        c.Bool("initially_deferred"),
        c.Bool("nulls_not_distinct"),
        c.Bool("validated"),
        c.Bool("inherited"));

    private static IndexModel ReadIndex(JsonElement i) => new(
        i.Str("name"),
        i.Bool("is_unique"),
        i.Bool("is_primary"),
        i.Bool("backs_constraint"),
        i.Str("definition"),
        i.OptStr("predicate"),
        i.Bool("is_expression"),
        [.. i.GetProperty("columns").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetString())],
        i.Bool("nulls_not_distinct"));

    private static TypeModel? ReadType(JsonElement t)
    {
        var (schema, name, oid, comment) = (t.Str("schema"), t.Str("name"), t.UInt("oid"), t.OptStr("comment"));
        return t.Str("typtype") switch
        {
            "e" => new EnumTypeModel(schema, name, oid, comment, t.Strings("labels")),
            "d" => new DomainTypeModel(
                schema,
                name,
                oid,
                comment,
                t.Str("base_type_sql"),
                ToTypeReference(t.GetProperty("base_type")),
                t.Bool("not_null"),
                t.OptStr("default_expression"),
                t.OptName("collation"),
                [.. t.GetProperty("checks").EnumerateArray().Select(c => new DomainCheck(c.Str("name"), c.Str("definition"), c.Bool("validated")))]),
            "c" => new CompositeTypeModel(
                schema,
                name,
                oid,
                comment,
                [.. t.GetProperty("attributes").EnumerateArray().Select(a => new CompositeAttribute(
                    a.Str("name"), a.Int("position"), a.Str("type_sql"), ToTypeReference(a.GetProperty("type")), a.OptName("collation")))]),
            "r" => new RangeTypeModel(
                schema,
                name,
                oid,
                comment,
                t.Str("subtype_sql"),
                ToTypeReference(t.GetProperty("subtype")),
                t.OptName("collation"),
                t.TryGet("multirange") is { } multirange ? ToTypeReference(multirange).QualifiedName : null),
            _ => null,
        };
    }

    private static SequenceModel ReadSequence(JsonElement s)
    {
        var owner = s.TryGet("owned_by") is { } o
            ? new SequenceOwner(ToName(o), o.Str("column"), o.Bool("identity"))
            : null;
        return new SequenceModel(
            s.Str("schema"),
            s.Str("name"),
            s.UInt("oid"),
            owner,
            s.Str("data_type"),
            s.GetProperty("start").GetInt64(),
            s.GetProperty("increment").GetInt64(),
            s.GetProperty("min").GetInt64(),
            s.GetProperty("max").GetInt64(),
            s.GetProperty("cache").GetInt64(),
            s.Bool("cycle"),
            s.OptStr("comment"));
    }

    private static TypeReference ToTypeReference(JsonElement t) => new(
        t.UInt("oid"),
        t.Str("schema"),
        t.Str("name"),
        t.Str("typtype") switch
        {
            "e" => TypeKind.Enum,
            "d" => TypeKind.Domain,
            "c" => TypeKind.Composite,
            "r" => TypeKind.Range,
            "m" => TypeKind.Multirange,
            "p" => TypeKind.Pseudo,
            _ => TypeKind.Base,
        });

    private static QualifiedName ToName(JsonElement e) => new(e.Str("schema"), e.Str("name"));

    private static ReferentialAction ToAction(string code) => code switch
    {
        "r" => ReferentialAction.Restrict,
        "c" => ReferentialAction.Cascade,
        "n" => ReferentialAction.SetNull,
        "d" => ReferentialAction.SetDefault,
        _ => ReferentialAction.NoAction,
    };

    private static JsonElement? TryGet(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string Str(this JsonElement e, string name) =>
        e.GetProperty(name).GetString() ?? throw new JsonException($"\"{name}\" is null.");

    private static string? OptStr(this JsonElement e, string name) => e.TryGet(name)?.GetString();

    private static bool Bool(this JsonElement e, string name) => e.GetProperty(name).GetBoolean();

    private static int Int(this JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private static uint UInt(this JsonElement e, string name) => e.GetProperty(name).GetUInt32();

    private static QualifiedName? OptName(this JsonElement e, string name) => e.TryGet(name) is { } value ? ToName(value) : null;

    private static string[] Strings(this JsonElement e, string name) =>
        e.TryGet(name) is { } array ? [.. array.EnumerateArray().Select(s => s.GetString() ?? string.Empty)] : [];
}
