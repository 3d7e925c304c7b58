using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GenDb.Protocol;

namespace GenDb.IntegrationTests.Infrastructure;

/// <summary>
/// A minimal protocol-3 client over a bare socket, for what drivers never send: pipelines with a
/// chosen shape, malformed packets, vanishing mid-message.
/// </summary>
public sealed class RawPgClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly MessageBuilder _builder = new();

    private RawPgClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    public static async Task<RawPgClient> ConnectAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endPoint);
        return new RawPgClient(socket);
    }

    /// <summary>Connects and logs in as the trusted superuser; returns after the first ReadyForQuery.</summary>
    public static async Task<RawPgClient> LoginAsync(IPEndPoint endPoint, string database = PostgresFixture.Database)
    {
        var client = await ConnectAsync(endPoint);
        await client.SendRawAsync(StartupMessage(StartupCodes.Protocol30, ("user", "postgres"), ("database", database)));
        var messages = await client.ReadUntilReadyAsync();
        if (messages.Any(m => m.Type == BackendMessageType.ErrorResponse))
        {
            throw new InvalidOperationException("Login failed: " + PostgresError.Parse(messages.First(m => m.Type == BackendMessageType.ErrorResponse).Body));
        }

        return client;
    }

    public static byte[] StartupMessage(int code, params (string Name, string Value)[] parameters)
    {
        var body = new List<byte>();
        foreach (var (name, value) in parameters)
        {
            body.AddRange(Encoding.UTF8.GetBytes(name));
            body.Add(0);
            body.AddRange(Encoding.UTF8.GetBytes(value));
            body.Add(0);
        }

        body.Add(0);
        var packet = new byte[8 + body.Count];
        BinaryPrimitives.WriteInt32BigEndian(packet, packet.Length);
        BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(4), code);
        body.CopyTo(packet, 8);
        return packet;
    }

    public MessageBuilder Messages => _builder;

    /// <summary>The bare socket, for tests that read at their own pace.</summary>
    public Socket Socket => _socket;

    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Sends what was built with <see cref="Messages"/> in one write.</summary>
    public async Task SendBuiltAsync()
    {
        await SendRawAsync(_builder.Written);
        _builder.Clear();
    }

    public Task QueryAsync(string sql)
    {
        _builder.Query(sql);
        return SendBuiltAsync();
    }

    public void Parse(string name, string sql) =>
        _builder.Begin(FrontendMessageType.Parse).WriteCString(name).WriteCString(sql).WriteInt16(0).End();

    public void Bind(string portal, string statement) =>
        _builder.Begin(FrontendMessageType.Bind).WriteCString(portal).WriteCString(statement)
            .WriteInt16(0).WriteInt16(0).WriteInt16(0).End();

    public void Execute(string portal = "", int maxRows = 0) =>
        _builder.Begin(FrontendMessageType.Execute).WriteCString(portal).WriteInt32(maxRows).End();

    public void Sync() => _builder.Begin(FrontendMessageType.Sync).End();

    /// <summary>Reads one message; null when the server closed the connection.</summary>
    public async Task<BackendMessage?> ReadAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var header = new byte[5];
        if (!await ReadExactlyOrEofAsync(header, cts.Token))
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1));
        var body = new byte[length - 4];
        if (!await ReadExactlyOrEofAsync(body, cts.Token))
        {
            return null;
        }

        return new BackendMessage((BackendMessageType)header[0], body);
    }

    /// <summary>Reads one byte (the answer to SSLRequest / GSSENCRequest); -1 at end of stream.</summary>
    public async Task<int> ReadByteAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var one = new byte[1];
        return await _stream.ReadAsync(one, cts.Token) == 0 ? -1 : one[0];
    }

    /// <summary>Messages up to and including ReadyForQuery; throws if the connection closes first.</summary>
    public async Task<List<BackendMessage>> ReadUntilReadyAsync(TimeSpan? timeout = null)
    {
        var messages = new List<BackendMessage>();
        while (true)
        {
            var message = await ReadAsync(timeout) ?? throw new IOException(
                "Connection closed before ReadyForQuery; got: " + string.Join(", ", messages.Select(m => m.Type)));
            messages.Add(message);
            if (message.Type == BackendMessageType.ReadyForQuery)
            {
                return messages;
            }
        }
    }

    /// <summary>Reads until the server closes the connection; the messages that came first.</summary>
    public async Task<List<BackendMessage>> ReadToEndAsync(TimeSpan? timeout = null)
    {
        var messages = new List<BackendMessage>();
        while (await ReadAsync(timeout) is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }

    public void Abort() => _socket.Close(0);

    private async Task<bool> ReadExactlyOrEofAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.ReadExactlyAsync(buffer, cancellationToken);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
        catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
    }
}

public static class BackendMessageExtensions
{
    public static string Text(this BackendMessage message) => Encoding.UTF8.GetString(message.Body).TrimEnd('\0');

    public static PostgresError Error(this BackendMessage message) => PostgresError.Parse(message.Body);
}
