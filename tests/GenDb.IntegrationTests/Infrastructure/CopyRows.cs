using System.Runtime.CompilerServices;
using System.Text;

namespace GenDb.IntegrationTests.Infrastructure;

/// <summary>
/// COPY text data for a table <c>(id int, name text)</c>: rows 1..n, cut into chunks of a fixed
/// size wherever that falls (inside a row too), each chunk written into the same reused buffer,
/// as a generator would. Counts the chunks it was asked for.
/// </summary>
public sealed class CopyRows(int rows, int chunkBytes)
{
    /// <summary>A row whose id is not an integer: the server fails the COPY there (22P02).</summary>
    public int BadRow { get; init; }

    /// <summary>The producer throws when asked for this chunk (1-based).</summary>
    public int ThrowAtChunk { get; init; }

    /// <summary>Bytes of padding after each name: wide rows.</summary>
    public int Padding { get; init; }

    /// <summary>Called before each chunk is handed out, with its 1-based number.</summary>
    public Action<int>? OnChunk { get; init; }

    public int Pulled { get; private set; }

    /// <summary>How many chunks all the rows make.</summary>
    public int TotalChunks => (int)((TotalBytes + chunkBytes - 1) / chunkBytes);

    public long IdSum => (long)rows * (rows + 1) / 2;

    private long TotalBytes
    {
        get
        {
            long total = 0;
            for (var id = 1; id <= rows; id++)
            {
                total += Line(id).Length;
            }

            return total;
        }
    }

    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var chunk = new byte[chunkBytes];
        var filled = 0;
        for (var id = 1; id <= rows; id++)
        {
            var line = Line(id);
            for (var offset = 0; offset < line.Length;)
            {
                var count = Math.Min(line.Length - offset, chunkBytes - filled);
                line.AsSpan(offset, count).CopyTo(chunk.AsSpan(filled));
                filled += count;
                offset += count;
                if (filled == chunkBytes)
                {
                    yield return await NextAsync(chunk, cancellationToken);
                    filled = 0;
                }
            }
        }

        if (filled > 0)
        {
            yield return await NextAsync(chunk.AsMemory(0, filled), cancellationToken);
        }
    }

    private byte[] Line(int id) => Encoding.UTF8.GetBytes(id == BadRow ? $"x{id}\tbad\n" : $"{id}\tname {id}{new string('.', Padding)}\n");

    private async Task<ReadOnlyMemory<byte>> NextAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        Pulled++;
        OnChunk?.Invoke(Pulled);
        if (Pulled == ThrowAtChunk)
        {
            throw new InvalidOperationException($"the row source broke at chunk {Pulled}");
        }

        // A real generator awaits now and then (a flush, a buffer from a pool).
        if (Pulled % 64 == 0)
        {
            await Task.Yield();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return chunk;
    }
}
