using System.Text;
using GenDb.Generation.Randomness;
using GenDb.Generation.Values;
using GenDb.Schema;
using Npgsql;

namespace GenDb.Generation.Tests.Values;

/// <summary>Generating values, loading them with COPY, and models built by hand for tests that need no server.</summary>
internal static class ValueTestKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Values for rows <paramref name="firstRow"/>.. from one Rng stream, as the loader would make them.</summary>
    public static List<string> Generate(IValueGenerator generator, int count, ulong seed, long firstRow = 0)
    {
        var rng = new Rng(seed);
        var output = new ValueBuilder();
        var values = new List<string>(count);
        for (var row = firstRow; row < firstRow + count; row++)
        {
            output.Clear();
            generator.Write(row, ref rng, output);
            values.Add(output.ToString());
        }

        return values;
    }

    /// <summary>The raw bytes of every value, concatenated with a separator that no value contains.</summary>
    public static byte[] GenerateBytes(IValueGenerator generator, int count, ulong seed)
    {
        var rng = new Rng(seed);
        var output = new ValueBuilder();
        for (var row = 0; row < count; row++)
        {
            generator.Write(row, ref rng, output);
            output.Append((byte)0);
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>Loads one value per row into <paramref name="table"/>.<paramref name="column"/> with text COPY, as the loader does.</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, string table, string column, IEnumerable<string> values)
    {
        await using var writer = await connection.BeginTextImportAsync($"COPY {table} ({column}) FROM STDIN", Ct);
        var line = new StringBuilder();
        foreach (var value in values)
        {
            line.Clear();
            foreach (var c in value)
            {
                line.Append(c switch
                {
                    '\\' => "\\\\",
                    '\t' => "\\t",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    _ => c.ToString(),
                });
            }

            line.Append('\n');
            await writer.WriteAsync(line, Ct);
        }
    }

    public static async Task ExecAsync(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    public static async Task<T> ScalarAsync<T>(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    public static async Task<List<string>> StringsAsync(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var result = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    public static TypeReference BuiltIn(string name, TypeKind kind = TypeKind.Base) => new(0, "pg_catalog", name, kind);

    public static ColumnModel Column(string name, string typeSql, TypeReference type, TypeReference? element = null) =>
        new(name, 1, typeSql, type, element, false, null, IdentityKind.None, null, null, null, null);

    public static TableModel Table(params ColumnModel[] columns) =>
        new("public", "sample", 1, TableKind.Ordinary, null, null, null, [], columns, [], [], null);

    public static DatabaseModel Model(TableModel table, params TypeModel[] types) => new([table], types, []);
}
