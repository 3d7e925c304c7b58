using GenDb.Generation.Constraints;
using GenDb.Generation.Tests.Infrastructure;

namespace GenDb.Generation.Tests.Constraints;

/// <summary>Partition keys and bounds as pg_get_partkeydef and pg_get_expr print them on PostgreSQL 15.</summary>
public sealed class PartitionBoundReaderTests(ClusterFixture fixture)
{
    [Fact]
    public void Read_RangeOfTimestamps_IntervalsLowerInclusiveUpperExclusive()
    {
        var read = PartitionBoundReader.Read("RANGE (payment_date)",
        [
            "FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00')",
            "FOR VALUES FROM (MINVALUE) TO ('2022-01-01 00:00:00+00')",
        ]);

        var (column, rules) = Assert.NotNull(read);
        Assert.Equal("payment_date", column);
        Assert.Equal(
            [
                new ValueInterval(new ValueBound("2022-01-01 00:00:00+00", true), new ValueBound("2022-02-01 00:00:00+00", false)),
                new ValueInterval(null, new ValueBound("2022-01-01 00:00:00+00", false)),
            ],
            rules.Intervals);
        Assert.True(rules.NotNull);
        Assert.Null(rules.AllowedValues);
    }

    [Fact]
    public void Read_RangeOfNumbers_NegativeQuotedAndMaxValueOpen()
    {
        var (_, rules) = Assert.NotNull(PartitionBoundReader.Read("RANGE (n)", ["FOR VALUES FROM ('-10') TO (10)", "FOR VALUES FROM (10) TO (MAXVALUE)"]));

        Assert.Equal(
            [new ValueInterval(new ValueBound("-10", true), new ValueBound("10", false)), new ValueInterval(new ValueBound("10", true), null)],
            rules.Intervals);
    }

    [Fact]
    public void Read_List_AllowedValuesAndNotNull()
    {
        var (column, rules) = Assert.NotNull(PartitionBoundReader.Read("LIST (region)", ["FOR VALUES IN ('eu', 'us')", "FOR VALUES IN ('it''s')"]));

        Assert.Equal("region", column);
        Assert.Equal(["eu", "us", "it's"], rules.AllowedValues);
        Assert.True(rules.NotNull);
        Assert.Null(rules.Intervals);
    }

    [Fact]
    public void Read_ListWithNullPartition_NullAllowed()
    {
        var (_, rules) = Assert.NotNull(PartitionBoundReader.Read("LIST (\"Weird\")", ["FOR VALUES IN (1.5, '-2')", "FOR VALUES IN (NULL)"]));

        Assert.Equal(["1.5", "-2"], rules.AllowedValues);
        Assert.False(rules.NotNull);
    }

    [Fact]
    public void Read_QuotedKey_Unquoted()
    {
        Assert.Equal("Weird", Assert.NotNull(PartitionBoundReader.Read("LIST (\"Weird\")", ["FOR VALUES IN (true)"])).Column);
    }

    [Fact]
    public void Analyze_DefaultPartition_EveryRow()
    {
        var bounds = PartitionBoundReader.Analyze("LIST (region)", ["FOR VALUES IN ('eu')", "DEFAULT"]);

        Assert.Equal(PartitionCoverage.EveryRow, bounds.Coverage);
        Assert.Null(PartitionBoundReader.Read("LIST (region)", ["FOR VALUES IN ('eu')", "DEFAULT"]));
    }

    [Fact]
    public void Analyze_HashCoveringEveryRemainder_EveryRow()
    {
        var bounds = PartitionBoundReader.Analyze("HASH (id)",
        [
            "FOR VALUES WITH (modulus 2, remainder 0)",
            "FOR VALUES WITH (modulus 4, remainder 1)",
            "FOR VALUES WITH (modulus 4, remainder 3)",
        ]);

        Assert.Equal(PartitionCoverage.EveryRow, bounds.Coverage);
    }

    [Fact]
    public void Analyze_HashMissingARemainder_Unknown()
    {
        var bounds = PartitionBoundReader.Analyze("HASH (id)", ["FOR VALUES WITH (modulus 4, remainder 0)", "FOR VALUES WITH (modulus 4, remainder 1)"]);

        Assert.Equal(PartitionCoverage.Unknown, bounds.Coverage);
    }

    [Theory]
    [InlineData("RANGE (a, b)", "FOR VALUES FROM (1, MINVALUE) TO (2, 5)")]
    [InlineData("LIST (lower(a))", "FOR VALUES IN ('a')")]
    [InlineData("RANGE (a COLLATE \"C\")", "FOR VALUES FROM ('a') TO ('b')")]
    [InlineData("RANGE (((a + 1)))", "FOR VALUES FROM (1) TO (2)")]
    [InlineData("LIST (region)", "FOR VALUES FROM (1) TO (2)")]
    [InlineData("RANGE (n)", null)]
    public void Analyze_NotOneReadableColumn_Unknown(string key, string? bound)
    {
        Assert.Equal(PartitionCoverage.Unknown, PartitionBoundReader.Analyze(key, [bound]).Coverage);
        Assert.Null(PartitionBoundReader.Read(key, [bound]));
    }

    [Fact]
    public void Read_NoPartitions_NothingAccepted()
    {
        var (_, range) = Assert.NotNull(PartitionBoundReader.Read("RANGE (n)", []));
        var (_, list) = Assert.NotNull(PartitionBoundReader.Read("LIST (n)", []));

        Assert.Empty(range.Intervals!);
        Assert.Empty(list.AllowedValues!);
    }

    [Fact]
    public async Task Read_RealRangePartitions_RowsJudgedAsPostgresJudges()
    {
        await using var connection = await ConstraintDatabase.OpenAsync(fixture, "partitions");
        await connection.ExecAsync("""
            CREATE TABLE payment (payment_id integer, payment_date timestamptz) PARTITION BY RANGE (payment_date);
            CREATE TABLE payment_2022_01 PARTITION OF payment FOR VALUES FROM ('2022-01-01') TO ('2022-02-01');
            CREATE TABLE payment_2022_02 PARTITION OF payment FOR VALUES FROM ('2022-02-01') TO ('2022-03-01');
            CREATE TABLE payment_old PARTITION OF payment FOR VALUES FROM (MINVALUE) TO ('2021-01-01');
            """);

        var (key, bounds) = await PartitionsAsync(connection, "payment");
        var (column, rules) = Assert.NotNull(PartitionBoundReader.Read(key, bounds));

        Assert.Equal("RANGE (payment_date)", key);
        Assert.Contains("FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00')", bounds);
        Assert.Equal("payment_date", column);
        Assert.Equal(3, rules.Intervals!.Count);
        await AssertJudgedAsPostgresAsync(connection, "payment", new CaseColumn("payment_date", "timestamptz"), rules);
    }

    [Fact]
    public async Task Read_RealListPartitions_RowsJudgedAsPostgresJudges()
    {
        await using var connection = await ConstraintDatabase.OpenAsync(fixture, "partitions");
        await connection.ExecAsync("""
            CREATE TABLE sale (region varchar(8), amount integer) PARTITION BY LIST (region);
            CREATE TABLE sale_west PARTITION OF sale FOR VALUES IN ('eu', 'us');
            CREATE TABLE sale_east PARTITION OF sale FOR VALUES IN ('jp');
            """);

        var (key, bounds) = await PartitionsAsync(connection, "sale");
        var (column, rules) = Assert.NotNull(PartitionBoundReader.Read(key, bounds));

        Assert.Equal("region", column);
        Assert.Equal(["eu", "jp", "us"], rules.AllowedValues!.Order(StringComparer.Ordinal));
        Assert.True(rules.NotNull);
        await AssertJudgedAsPostgresAsync(connection, "sale", new CaseColumn("region", "varchar(8)"), rules);
    }

    [Fact]
    public async Task Read_RealListWithNullPartition_NullAccepted()
    {
        await using var connection = await ConstraintDatabase.OpenAsync(fixture, "partitions");
        await connection.ExecAsync("""
            CREATE TABLE tagged (score integer) PARTITION BY LIST (score);
            CREATE TABLE tagged_small PARTITION OF tagged FOR VALUES IN (-1, 0, 1);
            CREATE TABLE tagged_none PARTITION OF tagged FOR VALUES IN (NULL);
            """);

        var (key, bounds) = await PartitionsAsync(connection, "tagged");
        var (_, rules) = Assert.NotNull(PartitionBoundReader.Read(key, bounds));

        Assert.False(rules.NotNull);
        await AssertJudgedAsPostgresAsync(connection, "tagged", new CaseColumn("score", "integer"), rules);
    }

    [Fact]
    public async Task Analyze_RealHashAndDefault_EveryRow()
    {
        await using var connection = await ConstraintDatabase.OpenAsync(fixture, "partitions");
        await connection.ExecAsync("""
            CREATE TABLE hashed (id integer) PARTITION BY HASH (id);
            CREATE TABLE hashed_0 PARTITION OF hashed FOR VALUES WITH (modulus 2, remainder 0);
            CREATE TABLE hashed_1 PARTITION OF hashed FOR VALUES WITH (modulus 2, remainder 1);
            CREATE TABLE listed (code text) PARTITION BY LIST (code);
            CREATE TABLE listed_a PARTITION OF listed FOR VALUES IN ('a');
            CREATE TABLE listed_rest PARTITION OF listed DEFAULT;
            CREATE TABLE ranged (a integer, b integer) PARTITION BY RANGE (a, b);
            CREATE TABLE ranged_1 PARTITION OF ranged FOR VALUES FROM (1, MINVALUE) TO (2, 5);
            """);

        var hashed = await PartitionsAsync(connection, "hashed");
        var listed = await PartitionsAsync(connection, "listed");
        var ranged = await PartitionsAsync(connection, "ranged");

        Assert.Equal(PartitionCoverage.EveryRow, PartitionBoundReader.Analyze(hashed.Key, hashed.Bounds).Coverage);
        Assert.Equal(PartitionCoverage.EveryRow, PartitionBoundReader.Analyze(listed.Key, listed.Bounds).Coverage);
        Assert.Contains("DEFAULT", listed.Bounds);
        Assert.Equal(PartitionCoverage.Unknown, PartitionBoundReader.Analyze(ranged.Key, ranged.Bounds).Coverage);
    }

    private static async Task<(string Key, List<string?> Bounds)> PartitionsAsync(Npgsql.NpgsqlConnection connection, string table)
    {
        var key = (string)(await connection.RowsAsync($"SELECT pg_get_partkeydef('{table}'::regclass)"))[0][0]!;
        var bounds = await connection.RowsAsync(
            $"SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '{table}'::regclass");
        return (key, [.. bounds.Select(b => (string?)b[0])]);
    }

    private static async Task AssertJudgedAsPostgresAsync(Npgsql.NpgsqlConnection connection, string table, CaseColumn column, ColumnRules rules)
    {
        var verdicts = await RuleOracle.JudgeAsync(connection, table, [column], _ => rules, [], [], ["'zz'"]);

        CheckSemanticsTests.AssertAgree(fullyUnderstood: true, verdicts, restricts: true);
    }
}
