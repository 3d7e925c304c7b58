using System.Text;
using BenchmarkDotNet.Attributes;
using GenDb.Commands;

namespace GenDb.Benchmarks;

/// <summary>
/// <see cref="GendbCallDetector.IsGendbCall"/> runs on every Query and Parse the relay holds, so the
/// common case (an ordinary statement) must be rejected fast and without allocating.
/// </summary>
[MemoryDiagnoser]
public class GendbCallDetectorBenchmarks
{
    private byte[] _pgbenchSelect = [];
    private byte[] _commentedSelect = [];
    private byte[] _gendbCall = [];
    private byte[] _gendbCallAfterNestedComment = [];

    [GlobalSetup]
    public void Setup()
    {
        // The statement of pgbench -S: the relay's busiest case.
        _pgbenchSelect = Utf8("SELECT abalance FROM pgbench_accounts WHERE aid = $1;");

        // ORMs and tracing tools (sqlcommenter, pg_stat_statements tags) put comments first: the
        // detector has to read past all of them before it can reject the statement.
        _commentedSelect = Utf8(
            "/* application='orders-api', controller='checkout', action='confirm', " +
            "traceparent='00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', db_driver='npgsql-10.0.3' */\n" +
            "-- read the balance before the transfer\n" +
            "SELECT abalance FROM pgbench_accounts WHERE aid = $1;");

        _gendbCall = Utf8("CALL gendb.return_generated(include => 'users')");

        // Block comments nest in PostgreSQL: the inner "*/" does not end the outer comment.
        _gendbCallAfterNestedComment = Utf8(
            "/* outer /* inner comment */ still the outer comment */ CALL /* between */ gendb.return_generated(include => 'users')");

        if (IsGendbCall_PgbenchSelect() || IsGendbCall_CommentedSelect() || !IsGendbCall_GendbCall() || !IsGendbCall_GendbCallAfterNestedComment())
        {
            throw new InvalidOperationException("The detector's answers are not the ones these inputs were chosen for.");
        }
    }

    [Benchmark]
    public bool IsGendbCall_PgbenchSelect() => GendbCallDetector.IsGendbCall(_pgbenchSelect);

    [Benchmark]
    public bool IsGendbCall_CommentedSelect() => GendbCallDetector.IsGendbCall(_commentedSelect);

    [Benchmark]
    public bool IsGendbCall_GendbCall() => GendbCallDetector.IsGendbCall(_gendbCall);

    [Benchmark]
    public bool IsGendbCall_GendbCallAfterNestedComment() => GendbCallDetector.IsGendbCall(_gendbCallAfterNestedComment);

    private static byte[] Utf8(string sql) => Encoding.UTF8.GetBytes(sql);
}
