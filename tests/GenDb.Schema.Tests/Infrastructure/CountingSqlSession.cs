using GenDb.Protocol;
using GenDb.Sql;

namespace GenDb.Schema.Tests.Infrastructure;

/// <summary>Passes everything to <paramref name="inner"/>, counting the queries: the introspector promises a few round trips, not one per table.</summary>
public sealed class CountingSqlSession(ISqlSession inner) : ISqlSession
{
    private int _queryCount;

    public int QueryCount => _queryCount;

    public TransactionStatus TransactionStatus => inner.TransactionStatus;

    public Task<SqlResult> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _queryCount);
        return inner.QueryAsync(sql, cancellationToken);
    }

    public Task<long> CopyInAsync(string copyStatement, IAsyncEnumerable<ReadOnlyMemory<byte>> data, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _queryCount);
        return inner.CopyInAsync(copyStatement, data, cancellationToken);
    }
}
