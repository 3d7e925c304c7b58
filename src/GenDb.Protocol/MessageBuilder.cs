using System.Buffers.Binary;
using System.Text;

namespace GenDb.Protocol;

/// <summary>
/// Builds backend (or frontend) messages into one growing buffer: <see cref="Begin"/> a message,
/// write its fields, <see cref="End"/> it to fill in the length. Used for the messages the proxy
/// answers itself, which are few and small; relayed traffic never goes through here.
/// </summary>
public sealed class MessageBuilder
{
    private byte[] _buffer;
    private int _length;
    private int _messageStart = -1;

    public MessageBuilder(int initialCapacity = 256) => _buffer = new byte[Math.Max(16, initialCapacity)];

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    public int Length => _length;

    public void Clear()
    {
        _length = 0;
        _messageStart = -1;
    }

    public byte[] ToArray() => Written.ToArray();

    public MessageBuilder Begin(byte type)
    {
        if (_messageStart >= 0)
        {
            throw new InvalidOperationException("The previous message was not ended.");
        }

        Reserve(5);
        _buffer[_length] = type;
        _messageStart = _length + 1;
        _length += 5;
        return this;
    }

    public MessageBuilder Begin(BackendMessageType type) => Begin((byte)type);

    public MessageBuilder Begin(FrontendMessageType type) => Begin((byte)type);

    public MessageBuilder End()
    {
        if (_messageStart < 0)
        {
            throw new InvalidOperationException("No message was begun.");
        }

        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_messageStart), _length - _messageStart);
        _messageStart = -1;
        return this;
    }

    public MessageBuilder WriteByte(byte value)
    {
        Reserve(1);
        _buffer[_length++] = value;
        return this;
    }

    public MessageBuilder WriteInt16(short value)
    {
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), value);
        _length += 2;
        return this;
    }

    public MessageBuilder WriteInt32(int value)
    {
        Reserve(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), value);
        _length += 4;
        return this;
    }

    public MessageBuilder WriteBytes(ReadOnlySpan<byte> value)
    {
        Reserve(value.Length);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
        return this;
    }

    /// <summary>Writes UTF-8 text and a terminating NUL.</summary>
    public MessageBuilder WriteCString(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        Reserve(count + 1);
        Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
        _length += count;
        _buffer[_length++] = 0;
        return this;
    }

    /// <summary>An ErrorResponse, or a NoticeResponse when the severity is a notice's.</summary>
    public MessageBuilder ErrorResponse(PostgresError error)
    {
        var isNotice = error.Severity is PostgresError.Notice or "WARNING" or "INFO" or "LOG" or "DEBUG";
        Begin(isNotice ? BackendMessageType.NoticeResponse : BackendMessageType.ErrorResponse);
        Field((byte)'S', error.Severity);
        Field((byte)'V', error.Severity);
        Field((byte)'C', error.SqlState);
        Field((byte)'M', error.Message);
        if (error.Detail is not null)
        {
            Field((byte)'D', error.Detail);
        }

        if (error.Hint is not null)
        {
            Field((byte)'H', error.Hint);
        }

        if (error.Position is { } position)
        {
            Field((byte)'P', position.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        OptionalField((byte)'s', error.SchemaName);
        OptionalField((byte)'t', error.TableName);
        OptionalField((byte)'c', error.ColumnName);
        OptionalField((byte)'n', error.ConstraintName);

        return WriteByte(0).End();
    }

    public MessageBuilder ReadyForQuery(TransactionStatus status) =>
        Begin(BackendMessageType.ReadyForQuery).WriteByte((byte)(status == TransactionStatus.Unknown ? TransactionStatus.Idle : status)).End();

    public MessageBuilder CommandComplete(string tag) => Begin(BackendMessageType.CommandComplete).WriteCString(tag).End();

    public MessageBuilder Query(string sql) => Begin(FrontendMessageType.Query).WriteCString(sql).End();

    public MessageBuilder Terminate() => Begin(FrontendMessageType.Terminate).End();

    private void Field(byte code, string value)
    {
        WriteByte(code);
        WriteCString(value);
    }

    private void OptionalField(byte code, string? value)
    {
        if (value is not null)
        {
            Field(code, value);
        }
    }

    private void Reserve(int count)
    {
        if (_length + count <= _buffer.Length)
        {
            return;
        }

        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
    }
}
