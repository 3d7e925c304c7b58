using System.Net.Sockets;
using GenDb.IntegrationTests.Infrastructure;
using GenDb.Protocol;

namespace GenDb.IntegrationTests.Relay;

[CollectionDefinition(nameof(AllocationSensitive), DisableParallelization = true)]
public sealed class AllocationSensitive;

/// <summary>
/// Large messages stream through: the proxy never holds a whole 100 MB row, and a client that
/// stops reading holds the server back instead of filling the proxy's memory. Runs alone, since it
/// measures the allocations of this whole process.
/// </summary>
[Collection(nameof(AllocationSensitive))]
public sealed class StreamingTests(PostgresFixture fixture)
{
    private const int RowBytes = 100 * 1024 * 1024;

    /// <summary>Reads and discards until <paramref name="count"/> bytes have arrived, with one small buffer.</summary>
    private static async Task<long> DrainAsync(Socket socket, long count)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (total < count)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    [Fact]
    public async Task HundredMegabyteRow_SlowReader_StreamedWithoutBufferingIt()
    {
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        var socket = client.Socket;

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        await client.QueryAsync($"select repeat('x', {RowBytes})");

        // Not reading for a while: the proxy must wait on the client rather than read everything.
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        var received = await DrainAsync(socket, RowBytes);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.True(received >= RowBytes, $"received {received} bytes");
        Assert.True(allocated < 16 * 1024 * 1024, $"the proxy process allocated {allocated / (1024 * 1024)} MB to relay a {RowBytes / (1024 * 1024)} MB row");

    }

    [Fact]
    public async Task HundredMegabyteRow_ThenQuery_SessionStaysInStep()
    {
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        await client.QueryAsync($"select length(repeat('y', {RowBytes}))");
        var reply = await client.ReadUntilReadyAsync();
        Assert.Contains(reply, m => m.Type == BackendMessageType.DataRow && m.Text().EndsWith(RowBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        await client.QueryAsync("select 'next'");
        var next = await client.ReadUntilReadyAsync();
        Assert.Contains(next, m => m.Type == BackendMessageType.DataRow && m.Text().EndsWith("next", StringComparison.Ordinal));
    }
}
