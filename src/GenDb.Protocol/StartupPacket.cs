using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace GenDb.Protocol;

/// <summary>What the first packets of a connection ask for.</summary>
public enum StartupPacketKind
{
    SslRequest,
    GssEncRequest,
    CancelRequest,
    /// <summary>A StartupMessage of protocol 3.x; the minor version is negotiated by the server.</summary>
    StartupMessage,
    /// <summary>Any other code: protocol 2, a newer major version, or garbage.</summary>
    Unsupported,
}

/// <summary>Outcome of looking for a startup packet at the front of a buffer.</summary>
public enum StartupPacketStatus
{
    NeedMoreData,
    Complete,
    /// <summary>The length field is out of range or the bytes are a TLS record: close the connection.</summary>
    Invalid,
}

/// <summary>
/// A startup-phase packet: int32 length (itself included), int32 code, body. No type byte.
/// </summary>
public readonly record struct StartupPacket(int Length, int Code)
{
    public StartupPacketKind Kind => Code switch
    {
        StartupCodes.SslRequest => StartupPacketKind.SslRequest,
        StartupCodes.GssEncRequest => StartupPacketKind.GssEncRequest,
        StartupCodes.CancelRequest => StartupPacketKind.CancelRequest,
        _ when StartupCodes.MajorVersion(Code) == 3 => StartupPacketKind.StartupMessage,
        _ => StartupPacketKind.Unsupported,
    };

    /// <summary>
    /// Looks for a whole startup packet at the start of <paramref name="buffer"/>.
    /// On <see cref="StartupPacketStatus.Invalid"/>, <paramref name="error"/> says why, in words fit for a client.
    /// </summary>
    public static StartupPacketStatus TryRead(in ReadOnlySequence<byte> buffer, out StartupPacket packet, out string? error)
    {
        packet = default;
        error = null;
        if (buffer.IsEmpty)
        {
            return StartupPacketStatus.NeedMoreData;
        }

        if (new SequenceReader<byte>(buffer).TryPeek(out var first) && first == StartupCodes.TlsHandshakeRecord)
        {
            error = "direct TLS connections are not supported by this server; connect with sslmode=disable or sslnegotiation=postgres";
            return StartupPacketStatus.Invalid;
        }

        if (buffer.Length < 4)
        {
            return StartupPacketStatus.NeedMoreData;
        }

        var length = ReadInt32(buffer, 0);
        if (length < StartupCodes.MinStartupPacketLength || length > StartupCodes.MaxStartupPacketLength)
        {
            error = "invalid length of startup packet";
            return StartupPacketStatus.Invalid;
        }

        if (buffer.Length < length)
        {
            return StartupPacketStatus.NeedMoreData;
        }

        packet = new StartupPacket(length, ReadInt32(buffer, 4));
        return StartupPacketStatus.Complete;
    }

    private static int ReadInt32(in ReadOnlySequence<byte> buffer, long offset)
    {
        Span<byte> scratch = stackalloc byte[4];
        buffer.Slice(offset, 4).CopyTo(scratch);
        return BinaryPrimitives.ReadInt32BigEndian(scratch);
    }
}

/// <summary>The name/value pairs of a StartupMessage body (after length and code).</summary>
public static class StartupParameters
{
    /// <summary>
    /// Reads the pairs. Returns false when the body is not a list of NUL-terminated strings ended by an
    /// empty one; the server judges such a packet itself, the proxy only needs the names for its logs.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out IReadOnlyDictionary<string, string> parameters)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        parameters = result;
        while (true)
        {
            var end = body.IndexOf((byte)0);
            if (end < 0)
            {
                return false;
            }

            if (end == 0)
            {
                return true;
            }

            var name = Encoding.UTF8.GetString(body[..end]);
            body = body[(end + 1)..];
            end = body.IndexOf((byte)0);
            if (end < 0)
            {
                return false;
            }

            result[name] = Encoding.UTF8.GetString(body[..end]);
            body = body[(end + 1)..];
        }
    }
}
