using System.Runtime.CompilerServices;
using System.Text;
using GenDb.IntegrationTests.Infrastructure;
using GenDb.Protocol;
using GenDb.Sql;
using GenDb.Sql.Npgsql;
using Npgsql;

namespace GenDb.IntegrationTests.Sql;

/// <summary>
/// The SQL session of the direct mode (no proxy): the same text values and errors as through the
/// proxy's session, and COPY with a row count that matches what the server loaded.
/// </summary>
public sealed class NpgsqlSqlSessionTests(PostgresFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(NpgsqlConnection Connection, NpgsqlSqlSession Session)> OpenAsync()
    {
        var connection = await fixture.OpenDirectAsync(b => b.IncludeErrorDetail = true);
        await connection.ExecAsync("create temp table copy_target (id int primary key, name text)");
        return (connection, new NpgsqlSqlSession(connection));
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Chunks(byte[] data, int chunkBytes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var offset = 0; offset < data.Length; offset += chunkBytes)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return data.AsMemory(offset, Math.Min(chunkBytes, data.Length - offset));
        }
    }

    [Fact]
    public async Task QueryAsync_ValuesOfManyTypes_TextExactlyAsTheServerWritesIt()
    {
        var (connection, session) = await OpenAsync();
        await using var _ = connection;
        await session.QueryAsync("set time zone 'UTC'", Ct);

        var result = await session.QueryAsync("""
            select 42::int as int, true as bool, '2024-05-06 07:08:09.123+02'::timestamptz as timestamptz,
                   array[1, 2, 3] as int_array, array['a b', 'c', null]::text[] as text_array, '\x0102'::bytea as bytea,
                   1.50::numeric as numeric, null::int as null_int, '{"a": [1, 2]}'::jsonb as jsonb,
                   interval '1 day 2 hours' as interval, 12.5::float8 as float8, 'x'::"char" as char
            """, Ct);

        Assert.Equal(["int", "bool", "timestamptz", "int_array", "text_array", "bytea", "numeric", "null_int", "jsonb", "interval", "float8", "char"], result.Columns);
        string?[] expected = ["42", "t", "2024-05-06 05:08:09.123+00", "{1,2,3}", "{\"a b\",c,NULL}", "\\x0102", "1.50", null, "{\"a\": [1, 2]}", "1 day 02:00:00", "12.5", "x"];
        Assert.Equal(expected, Assert.Single(result.Rows));
    }

    [Fact]
    public async Task QueryAsync_SeveralStatements_RowsOfTheLastThatReturnsRows()
    {
        var (connection, session) = await OpenAsync();
        await using var _ = connection;

        var result = await session.QueryAsync("select 1 as a; select 2 as b, 3 as c union all select 4, 5; create temp table after_the_rows ()", Ct);

        Assert.Equal(["b", "c"], result.Columns);
        Assert.Equal([["2", "3"], ["4", "5"]], result.Rows);
    }

    [Fact]
    public async Task QueryAsync_UniqueViolation_SqlErrorExceptionNamingTheObjects()
    {
        var (connection, session) = await OpenAsync();
        await using var _ = connection;
        await session.QueryAsync("insert into copy_target values (1, 'one')", Ct);

        var error = (await Assert.ThrowsAsync<SqlErrorException>(() => session.QueryAsync("insert into copy_target values (1, 'again')", Ct))).Error;

        Assert.Equal(("ERROR", "23505", "copy_target", "copy_target_pkey"), (error.Severity, error.SqlState, error.TableName, error.ConstraintName));
        Assert.Equal("Key (id)=(1) already exists.", error.Detail);
        Assert.StartsWith("pg_temp_", error.SchemaName, StringComparison.Ordinal);
        Assert.Equal(1L, await connection.ScalarAsync<long>("select 1::bigint"));
    }

    [Fact]
    public async Task TransactionStatus_BeginErrorSavepointRollback_Followed()
    {
        var (connection, session) = await OpenAsync();
        await using var _ = connection;
        var seen = new List<TransactionStatus> { session.TransactionStatus };

        await session.QueryAsync("BEGIN", Ct);
        seen.Add(session.TransactionStatus);
        await session.QueryAsync("savepoint before_error", Ct);
        await Assert.ThrowsAsync<SqlErrorException>(() => session.QueryAsync("select 1/0", Ct));
        seen.Add(session.TransactionStatus);
        await session.QueryAsync("rollback to savepoint before_error", Ct);
        seen.Add(session.TransactionStatus);
        await session.QueryAsync("commit and chain", Ct);
        seen.Add(session.TransactionStatus);
        await session.QueryAsync("ROLLBACK", Ct);
        seen.Add(session.TransactionStatus);
        await Assert.ThrowsAsync<SqlErrorException>(() => session.QueryAsync("select 1/0", Ct));
        seen.Add(session.TransactionStatus);

        Assert.Equal(
            [TransactionStatus.Idle, TransactionStatus.InTransaction, TransactionStatus.Failed, TransactionStatus.InTransaction,
             TransactionStatus.InTransaction, TransactionStatus.Idle, TransactionStatus.Idle],
            seen);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1024 * 1024)]
    public async Task CopyInAsync_200000Rows_LoadedAndCounted(int chunkBytes)
    {
        var (connection, session) = await OpenAsync();
        await using var _ = connection;
        var rows = new CopyRows(200_000, chunkBytes);

        var count = await session.CopyInAsync("copy copy_target from stdin", rows.ReadAsync(Ct), Ct);

        Assert.Equal(200_000, count);
        Assert.Equal(rows.IdSum, await connection.ScalarAsync<long>("select sum(id) from copy_target"));
        Assert.Equal(rows.TotalChunks, rows.Pulled);
    }

    /// <summary>
    /// The row count Npgsql does not report is counted in the data: the server's own count of
    /// what it loaded is the judge, for the cases where a line is not a row.
    /// </summary>
    [Theory]
    [InlineData("copy copy_target from stdin", "1\tline one\\\nand two\n2\tb\n")] // an escaped line end is data
    [InlineData("copy copy_target from stdin", "1\ta\r\n2\tb\r\n3\tc")] // CRLF, and a last line without one
    [InlineData("copy copy_target from stdin", "1\ta\n2\tb\n\\.\n")] // the end-of-data line
    [InlineData("copy copy_target from stdin", "1\ta\\\\\n2\t\\N\n")] // an escaped backslash, then NULL
    [InlineData("copy copy_target from stdin (format text, header)", "id\tname\n1\ta\n")]
    [InlineData("copy copy_target from stdin (format csv, header true)", "id,name\n1,\"two\nlines\"\n2,\"a \"\" quote\"\n")]
    [InlineData("copy copy_target from stdin with csv", "1,\"a\r\nb\"\r\n2,c\r\n")]
    [InlineData("copy copy_target from stdin (format csv, quote '''')", "1,'a\n\"b'\n2,\"\n")]
    [InlineData("copy copy_target from stdin (format csv, escape '\\')", "1,\"a\\\"\nb\"\n2,\"c\\\\\"\n")]
    [InlineData("copy copy_target from stdin (format csv)", "1,a\n\\.\n")]
    public async Task CopyInAsync_LinesThatAreNotRows_CountedAsTheServerLoadsThem(string statement, string data)
    {
        var bytes = Encoding.UTF8.GetBytes(data);
        foreach (var chunkBytes in new[] { bytes.Length, 1 })
        {
            var (connection, session) = await OpenAsync();
            await using var _ = connection;

            var count = await session.CopyInAsync(statement, Chunks(bytes, chunkBytes, Ct), Ct);

            Assert.Equal(await connection.ScalarAsync<long>("select count(*) from copy_target"), count);
        }
    }

    [Fact]
    public async Task CopyInAsync_BinaryFormat_LoadedAndCountedByTuple()
    {
        var (connection, session) = await OpenAsync();
        await using var _ = connection;
        await connection.ExecAsync("insert into copy_target select i, case when i % 3 = 0 then null else 'row ' || i end from generate_series(1, 5000) i");
        var exported = new MemoryStream();
        await using (var export = await connection.BeginRawBinaryCopyAsync("copy copy_target to stdout (format binary)", Ct))
        {
            await export.CopyToAsync(exported, Ct);
        }

        await connection.ExecAsync("truncate copy_target");

        foreach (var chunkBytes in new[] { 3, 65536 })
        {
            var count = await session.CopyInAsync("copy copy_target from stdin (format binary)", Chunks(exported.ToArray(), chunkBytes, Ct), Ct);

            Assert.Equal(5000, count);
            Assert.Equal(5000L * 5001 / 2, await connection.ScalarAsync<long>("select sum(id) from copy_target"));
            await connection.ExecAsync("truncate copy_target");
        }
    }

    [Fact]
    public async Task CopyInAsync_BadValue_SqlErrorExceptionAndTheConnectionGoesOn()
    {
        var (connection, session) = await OpenAsync();
        await using var _ = connection;
        var rows = new CopyRows(10_000, 4096) { BadRow = 5_000 };

        var error = (await Assert.ThrowsAsync<SqlErrorException>(() => session.CopyInAsync("copy copy_target from stdin", rows.ReadAsync(Ct), Ct))).Error;

        Assert.Equal(("22P02", "invalid input syntax for type integer: \"x5000\""), (error.SqlState, error.Message));
        Assert.Equal(0L, await connection.ScalarAsync<long>("select count(*) from copy_target"));
    }

    [Fact]
    public async Task CopyInAsync_NoSuchTable_SqlErrorExceptionWithoutAskingForData()
    {
        var (connection, session) = await OpenAsync();
        await using var _ = connection;
        var rows = new CopyRows(10, 64);

        var error = (await Assert.ThrowsAsync<SqlErrorException>(() => session.CopyInAsync("copy no_such_table from stdin", rows.ReadAsync(Ct), Ct))).Error;

        Assert.Equal("42P01", error.SqlState);
        Assert.Equal(0, rows.Pulled);
        Assert.Equal(1L, await connection.ScalarAsync<long>("select 1::bigint"));
    }

    [Fact]
    public async Task CopyInAsync_Cancelled_OperationCanceledNothingLoadedConnectionGoesOn()
    {
        var (connection, session) = await OpenAsync();
        await using var _ = connection;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var rows = new CopyRows(200_000, 4096) { OnChunk = n => { if (n == 100) { cancel.Cancel(); } } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.CopyInAsync("copy copy_target from stdin", rows.ReadAsync(cancel.Token), cancel.Token));

        Assert.Equal(100, rows.Pulled);
        Assert.Equal(0L, await connection.ScalarAsync<long>("select count(*) from copy_target"));
    }

    [Fact]
    public async Task CopyInAsync_ProducerThrows_ItsExceptionNothingLoadedConnectionGoesOn()
    {
        var (connection, session) = await OpenAsync();
        await using var _ = connection;
        var rows = new CopyRows(200_000, 4096) { ThrowAtChunk = 50 };

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => session.CopyInAsync("copy copy_target from stdin", rows.ReadAsync(Ct), Ct));

        Assert.Equal("the row source broke at chunk 50", thrown.Message);
        Assert.Equal(0L, await connection.ScalarAsync<long>("select count(*) from copy_target"));
        Assert.Equal(TransactionStatus.Idle, session.TransactionStatus);
    }
}
