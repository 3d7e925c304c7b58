namespace GenDb.Schema;

public static partial class SchemaIntrospector
{
    // One statement, so the whole model comes from one snapshot of the catalogs and one round trip
    // (Weasel's Table.FetchExisting batches the same way). Every part is a json_agg over a subquery,
    // so the text rows need no parsing beyond JSON. pg_catalog rather than information_schema: the
    // latter hides partitioning, identity details, exclusion constraints and NULLS NOT DISTINCT.

    /// <summary>
    /// Schemas GenDB reads: not pg_catalog, pg_toast, pg_temp_N (users cannot create pg_* schemas),
    /// not information_schema, not GenDB's own gendb_* copies, and only those the role may use.
    /// </summary>
    private static string VisibleNamespace(string alias) =>
        $"""
        {alias}.nspname <> 'information_schema'
          AND {alias}.nspname NOT LIKE 'pg\_%'
          AND {alias}.nspname NOT LIKE 'gendb\_%'
          AND has_schema_privilege({alias}.oid, 'USAGE')
        """;

    /// <summary>Objects an extension created belong to the extension, not to the application's schema.</summary>
    private static string NotExtensionMember(string catalog, string oidExpression) =>
        $"NOT EXISTS (SELECT 1 FROM pg_depend ext WHERE ext.classid = '{catalog}'::regclass AND ext.objid = {oidExpression} AND ext.deptype = 'e')";

    /// <summary>A type reference as JSON: {oid, schema, name, typtype}; JSON null for oid 0.</summary>
    private static string TypeReference(string oidExpression) =>
        $"""
        (SELECT json_build_object('oid', ty.oid::bigint, 'schema', tyn.nspname, 'name', ty.typname, 'typtype', ty.typtype::text, 'category', ty.typcategory::text)
           FROM pg_type ty JOIN pg_namespace tyn ON tyn.oid = ty.typnamespace WHERE ty.oid = {oidExpression})
        """;

    /// <summary>A collation as JSON {schema, name} when it differs from the type's default, else null.</summary>
    private static string CollationIfNotDefault(string collationExpression, string typeCollationExpression) =>
        $"""
        (SELECT json_build_object('schema', colln.nspname, 'name', coll.collname)
           FROM pg_collation coll JOIN pg_namespace colln ON colln.oid = coll.collnamespace
          WHERE coll.oid = {collationExpression} AND {collationExpression} <> {typeCollationExpression})
        """;

    private static string QualifiedNameOfClass(string oidExpression) =>
        $"""
        (SELECT json_build_object('schema', qn.nspname, 'name', qc.relname)
           FROM pg_class qc JOIN pg_namespace qn ON qn.oid = qc.relnamespace WHERE qc.oid = {oidExpression})
        """;

    private static string AttributeNames(string relationExpression, string attnumsExpression) =>
        $"""
        (SELECT coalesce(json_agg(an.attname ORDER BY k.ord), '[]'::json)
           FROM unnest({attnumsExpression}) WITH ORDINALITY AS k(num, ord)
           JOIN pg_attribute an ON an.attrelid = {relationExpression} AND an.attnum = k.num)
        """;

    private static string Aggregate(string query) => $"(SELECT coalesce(json_agg(q), '[]'::json) FROM ({query}) q)";

    private static readonly string TablesQuery =
        $"""
        SELECT rel.oid::bigint AS oid, rel.schema, rel.name, rel.relkind::text AS relkind, rel.relispartition AS is_partition,
               CASE WHEN rel.relkind = 'p' THEN pg_get_partkeydef(rel.oid) END AS partition_key,
               CASE WHEN rel.relispartition THEN pg_get_expr(rel.relpartbound, rel.oid) END AS partition_bound,
               CASE WHEN rel.relispartition THEN {QualifiedNameOfClass("(SELECT inh.inhparent FROM pg_inherits inh WHERE inh.inhrelid = rel.oid)")} END AS parent,
               (SELECT coalesce(json_agg({QualifiedNameOfClass("inh.inhparent")} ORDER BY inh.inhseqno), '[]'::json)
                  FROM pg_inherits inh WHERE inh.inhrelid = rel.oid AND NOT rel.relispartition) AS inherits,
               obj_description(rel.oid, 'pg_class') AS comment
          FROM rel
         ORDER BY rel.schema, rel.name
        """;

    private static readonly string ColumnsQuery =
        $"""
        SELECT a.attrelid::bigint AS table_oid, a.attname AS name, a.attnum AS position,
               format_type(a.atttypid, a.atttypmod) AS type_sql,
               {TypeReference("a.atttypid")} AS type,
               CASE WHEN t.typtype = 'b' AND t.typcategory = 'A' AND t.typelem <> 0 THEN {TypeReference("t.typelem")} END AS element_type,
               a.attnotnull AS not_null,
               CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS default_expression,
               a.attidentity::text AS identity,
               CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS generated_expression,
               {CollationIfNotDefault("a.attcollation", "t.typcollation")} AS collation,
               col_description(a.attrelid, a.attnum) AS comment,
               (SELECT json_build_object('schema', sn.nspname, 'name', s.relname)
                  FROM pg_depend d
                  JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
                  JOIN pg_namespace sn ON sn.oid = s.relnamespace
                 WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
                   AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype IN ('a', 'i')
                 ORDER BY s.oid LIMIT 1) AS owned_sequence
          FROM pg_attribute a
          JOIN rel ON rel.oid = a.attrelid
          JOIN pg_type t ON t.oid = a.atttypid
          LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
         WHERE a.attnum > 0 AND NOT a.attisdropped
         ORDER BY a.attrelid, a.attnum
        """;

    // indnullsnotdistinct exists from PostgreSQL 15; read through to_jsonb so older servers give false.
    private static readonly string ConstraintsQuery =
        $"""
        SELECT co.conrelid::bigint AS table_oid, co.conname AS name, co.contype::text AS kind,
               pg_get_constraintdef(co.oid) AS definition,
               {AttributeNames("co.conrelid", "co.conkey")} AS columns,
               CASE WHEN co.contype = 'f' THEN {QualifiedNameOfClass("co.confrelid")} END AS referenced,
               {AttributeNames("co.confrelid", "co.confkey")} AS referenced_columns,
               co.confdeltype::text AS on_delete, co.confupdtype::text AS on_update, co.confmatchtype::text AS match_type,
               co.condeferrable AS deferrable, co.condeferred AS initially_deferred,
               coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false) AS nulls_not_distinct,
               co.convalidated AS validated,
               (co.conparentid <> 0 OR NOT co.conislocal) AS inherited
          FROM pg_constraint co
          JOIN rel ON rel.oid = co.conrelid
          LEFT JOIN pg_index i ON i.indexrelid = co.conindid AND co.contype IN ('p', 'u')
         WHERE co.contype IN ('p', 'u', 'c', 'f', 'x')
         ORDER BY co.conrelid, co.conname
        """;

    private static readonly string IndexesQuery =
        """
        SELECT i.indrelid::bigint AS table_oid, ic.relname AS name, i.indisunique AS is_unique, i.indisprimary AS is_primary,
               EXISTS (SELECT 1 FROM pg_constraint co
                        WHERE co.conindid = i.indexrelid AND co.conrelid = i.indrelid AND co.contype IN ('p', 'u', 'x')) AS backs_constraint,
               pg_get_indexdef(i.indexrelid) AS definition,
               pg_get_expr(i.indpred, i.indrelid) AS predicate,
               (i.indexprs IS NOT NULL) AS is_expression,
               (SELECT coalesce(json_agg(an.attname ORDER BY k.ord), '[]'::json)
                  FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(num, ord)
                  LEFT JOIN pg_attribute an ON an.attrelid = i.indrelid AND an.attnum = k.num
                 WHERE k.ord <= i.indnkeyatts) AS columns,
               coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false) AS nulls_not_distinct
          FROM pg_index i
          JOIN rel ON rel.oid = i.indrelid
          JOIN pg_class ic ON ic.oid = i.indexrelid
         ORDER BY i.indrelid, ic.relname
        """;

    // Standalone composite types only: every table also has a row type (typtype 'c'), whose pg_class is the table.
    private static readonly string TypesQuery =
        $"""
        SELECT t.oid::bigint AS oid, n.nspname AS schema, t.typname AS name, t.typtype::text AS typtype,
               obj_description(t.oid, 'pg_type') AS comment,
               (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) AS labels,
               CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type_sql,
               CASE WHEN t.typtype = 'd' THEN {TypeReference("t.typbasetype")} END AS base_type,
               t.typnotnull AS not_null,
               pg_get_expr(t.typdefaultbin, 0) AS default_expression,
               CASE WHEN t.typtype = 'd' THEN {CollationIfNotDefault("t.typcollation", "(SELECT bt.typcollation FROM pg_type bt WHERE bt.oid = t.typbasetype)")}
                    WHEN t.typtype = 'r' THEN {CollationIfNotDefault("r.rngcollation", "(SELECT st.typcollation FROM pg_type st WHERE st.oid = r.rngsubtype)")}
               END AS collation,
               (SELECT coalesce(json_agg(json_build_object('name', dc.conname, 'definition', pg_get_constraintdef(dc.oid), 'validated', dc.convalidated)
                                         ORDER BY dc.conname), '[]'::json)
                  FROM pg_constraint dc WHERE dc.contypid = t.oid AND dc.contype = 'c') AS checks,
               (SELECT coalesce(json_agg(json_build_object(
                           'name', a.attname, 'position', a.attnum, 'type_sql', format_type(a.atttypid, a.atttypmod),
                           'type', {TypeReference("a.atttypid")},
                           'collation', {CollationIfNotDefault("a.attcollation", "(SELECT at.typcollation FROM pg_type at WHERE at.oid = a.atttypid)")})
                         ORDER BY a.attnum), '[]'::json)
                  FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) AS attributes,
               CASE WHEN t.typtype = 'r' THEN format_type(r.rngsubtype, NULL) END AS subtype_sql,
               CASE WHEN t.typtype = 'r' THEN {TypeReference("r.rngsubtype")} END AS subtype,
               CASE WHEN t.typtype = 'r' THEN {TypeReference("(to_jsonb(r) ->> 'rngmultitypid')::oid")} END AS multirange
          FROM pg_type t
          JOIN pg_namespace n ON n.oid = t.typnamespace
          LEFT JOIN pg_class tc ON tc.oid = t.typrelid
          LEFT JOIN pg_range r ON r.rngtypid = t.oid
         WHERE {VisibleNamespace("n")}
           AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND tc.relkind = 'c'))
           AND {NotExtensionMember("pg_type", "t.oid")}
         ORDER BY n.nspname, t.typname
        """;

    private static readonly string SequencesQuery =
        $"""
        SELECT c.oid::bigint AS oid, n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS data_type,
               s.seqstart AS start, s.seqincrement AS increment, s.seqmin AS min, s.seqmax AS max, s.seqcache AS cache, s.seqcycle AS cycle,
               obj_description(c.oid, 'pg_class') AS comment,
               (SELECT json_build_object('schema', tn.nspname, 'name', tc.relname, 'column', a.attname, 'identity', d.deptype = 'i')
                  FROM pg_depend d
                  JOIN pg_class tc ON tc.oid = d.refobjid
                  JOIN pg_namespace tn ON tn.oid = tc.relnamespace
                  JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                 WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
                   AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0
                 LIMIT 1) AS owned_by
          FROM pg_sequence s
          JOIN pg_class c ON c.oid = s.seqrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE {VisibleNamespace("n")}
           -- The CASE keeps the planner from calling has_sequence_privilege on pg_class rows that are not sequences.
           AND CASE WHEN c.relkind = 'S' THEN has_sequence_privilege(c.oid, 'SELECT, USAGE, UPDATE') ELSE false END
           AND {NotExtensionMember("pg_class", "c.oid")}
         ORDER BY n.nspname, c.relname
        """;

    /// <summary>
    /// Tables the role can read: ordinary and partitioned (views, foreign tables and materialized
    /// views are not copied), in visible schemas, not created by an extension.
    /// </summary>
    private static readonly string VisibleTables =
        $"""
        SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind, c.relispartition, c.relpartbound
          FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'p')
           AND {VisibleNamespace("n")}
           AND has_any_column_privilege(c.oid, 'SELECT')
           AND {NotExtensionMember("pg_class", "c.oid")}
        """;

    /// <summary>The whole catalog read: one row, one column, a JSON object with one array per object kind.</summary>
    internal static readonly string CatalogQuery =
        $"""
        WITH rel AS MATERIALIZED (
        {VisibleTables}
        )
        SELECT json_build_object(
            'tables', {Aggregate(TablesQuery)},
            'columns', {Aggregate(ColumnsQuery)},
            'constraints', {Aggregate(ConstraintsQuery)},
            'indexes', {Aggregate(IndexesQuery)},
            'types', {Aggregate(TypesQuery)},
            'sequences', {Aggregate(SequencesQuery)})::text
        """;
}
