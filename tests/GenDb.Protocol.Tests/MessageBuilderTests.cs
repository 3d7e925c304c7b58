using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using CsCheck;
using GenDb.Protocol.Tests.Support;

namespace GenDb.Protocol.Tests;

public sealed class MessageBuilderTests
{
    /// <summary>One field written to a builder, and the check that reads it back.</summary>
    private abstract record Field
    {
        public abstract void WriteTo(MessageBuilder builder);

        /// <summary>Asserts the field at the start of <paramref name="bytes"/>; returns the bytes it took.</summary>
        public abstract int ReadBack(ReadOnlySpan<byte> bytes);
    }

    private sealed record ByteField(byte Value) : Field
    {
        public override void WriteTo(MessageBuilder builder) => builder.WriteByte(Value);

        public override int ReadBack(ReadOnlySpan<byte> bytes)
        {
            Assert.Equal(Value, bytes[0]);
            return 1;
        }
    }

    private sealed record Int16Field(short Value) : Field
    {
        public override void WriteTo(MessageBuilder builder) => builder.WriteInt16(Value);

        public override int ReadBack(ReadOnlySpan<byte> bytes)
        {
            Assert.Equal(Value, BinaryPrimitives.ReadInt16BigEndian(bytes));
            return 2;
        }
    }

    private sealed record Int32Field(int Value) : Field
    {
        public override void WriteTo(MessageBuilder builder) => builder.WriteInt32(Value);

        public override int ReadBack(ReadOnlySpan<byte> bytes)
        {
            Assert.Equal(Value, BinaryPrimitives.ReadInt32BigEndian(bytes));
            return 4;
        }
    }

    private sealed record BytesField(byte[] Value) : Field
    {
        public override void WriteTo(MessageBuilder builder) => builder.WriteBytes(Value);

        public override int ReadBack(ReadOnlySpan<byte> bytes)
        {
            Assert.Equal(Value, bytes[..Value.Length].ToArray());
            return Value.Length;
        }
    }

    private sealed record CStringField(string Value) : Field
    {
        public override void WriteTo(MessageBuilder builder) => builder.WriteCString(Value);

        public override int ReadBack(ReadOnlySpan<byte> bytes)
        {
            var end = bytes.IndexOf((byte)0);
            Assert.Equal(Value, Encoding.UTF8.GetString(bytes[..end]));
            return end + 1;
        }
    }

    /// <summary>Byte arrays up to 600 long, so that one write can more than double a small buffer.</summary>
    private static readonly Gen<Field> Fields = Gen.OneOf<Field>(
        Gen.Byte.Select(v => (Field)new ByteField(v)),
        Gen.Short.Select(v => (Field)new Int16Field(v)),
        Gen.Int.Select(v => (Field)new Int32Field(v)),
        Gen.Byte.Array[0, 600].Select(v => (Field)new BytesField(v)),
        TextGen.CString.Select(v => (Field)new CStringField(v)));

    private static int ReadBackAll(IEnumerable<Field> fields, ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        foreach (var field in fields)
        {
            offset += field.ReadBack(bytes[offset..]);
        }

        return offset;
    }

    /// <summary>Walks whole frames with <see cref="FrameHeader.TryRead"/>, as the relay does.</summary>
    private static List<(byte Type, byte[] Body)> Frames(ReadOnlyMemory<byte> written)
    {
        var frames = new List<(byte, byte[])>();
        var rest = new ReadOnlySequence<byte>(written);
        while (FrameHeader.TryRead(rest, out var header))
        {
            Assert.True(header.IsValid);
            Assert.True(rest.Length >= header.FrameLength, $"frame of {header.FrameLength} bytes, {rest.Length} left");
            frames.Add((header.Type, rest.Slice(FrameHeader.Size, header.BodyLength).ToArray()));
            rest = rest.Slice(header.FrameLength);
        }

        Assert.True(rest.IsEmpty, $"{rest.Length} bytes left after the last whole frame");
        return frames;
    }

    [Fact]
    public void Builder_SeveralMessagesInARow_EachLengthBackfilled()
    {
        var builder = new MessageBuilder()
            .CommandComplete("SELECT 1")
            .ErrorResponse(PostgresError.CreateError(SqlState.SyntaxError, "syntax error", "add a semicolon"))
            .ReadyForQuery(TransactionStatus.InTransaction)
            .Query("select 'ü'")
            .Terminate();

        var frames = Frames(builder.Written);

        Assert.Equal([(byte)'C', (byte)'E', (byte)'Z', (byte)'Q', (byte)'X'], frames.Select(f => f.Type));
        Assert.Equal("SELECT 1\0", Encoding.UTF8.GetString(frames[0].Body));
        Assert.Equal(PostgresError.CreateError(SqlState.SyntaxError, "syntax error", "add a semicolon"), PostgresError.Parse(frames[1].Body));
        Assert.Equal([(byte)'T'], frames[2].Body);
        Assert.Equal("select 'ü'\0", Encoding.UTF8.GetString(frames[3].Body));
        Assert.Empty(frames[4].Body);
    }

    [Fact]
    public void Builder_HandBuiltMessages_ExactBytes()
    {
        var builder = new MessageBuilder()
            .Begin(BackendMessageType.ParameterStatus).WriteCString("client_encoding").WriteCString("UTF8").End()
            .Begin(FrontendMessageType.Sync).End();

        byte[] expected = [(byte)'S', 0, 0, 0, 25, .. "client_encoding\0UTF8\0"u8, (byte)'S', 0, 0, 0, 4];
        Assert.Equal(expected, builder.ToArray());
        Assert.Equal(expected.Length, builder.Length);
    }

    [Fact]
    public void Begin_TwiceWithoutEnd_Throws()
    {
        var builder = new MessageBuilder().Begin(BackendMessageType.DataRow);

        var thrown = Assert.Throws<InvalidOperationException>(() => builder.Begin(BackendMessageType.DataRow));

        Assert.Contains("not ended", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(5, builder.Length);
    }

    [Fact]
    public void End_WithoutBegin_Throws()
    {
        var builder = new MessageBuilder();

        var thrown = Assert.Throws<InvalidOperationException>(() => builder.End());

        Assert.Contains("No message was begun", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void End_Twice_SecondThrows()
    {
        var builder = new MessageBuilder().Begin(BackendMessageType.NoData).End();

        Assert.Throws<InvalidOperationException>(() => builder.End());
    }

    [Fact]
    public void Helper_WhileMessageOpen_Throws()
    {
        var builder = new MessageBuilder().Begin(BackendMessageType.DataRow);

        Assert.Throws<InvalidOperationException>(() => builder.ReadyForQuery(TransactionStatus.Idle));
    }

    [Fact]
    public void Clear_AfterUnendedBegin_EmptyAndBeginsAgain()
    {
        var builder = new MessageBuilder().CommandComplete("BEGIN").Begin(BackendMessageType.DataRow).WriteInt16(1);

        builder.Clear();
        builder.ReadyForQuery(TransactionStatus.Idle);

        Assert.Equal([(byte)'Z', 0, 0, 0, 5, (byte)'I'], builder.ToArray());
    }

    [Theory]
    [InlineData(TransactionStatus.Unknown, 'I')]
    [InlineData(TransactionStatus.Idle, 'I')]
    [InlineData(TransactionStatus.InTransaction, 'T')]
    [InlineData(TransactionStatus.Failed, 'E')]
    public void ReadyForQuery_ByStatus_StatusByte(TransactionStatus status, char expected)
    {
        var bytes = new MessageBuilder().ReadyForQuery(status).ToArray();

        Assert.Equal([(byte)'Z', 0, 0, 0, 5, (byte)expected], bytes);
    }

    [Fact]
    public void Terminate_NoBody_LengthFour()
    {
        Assert.Equal([(byte)'X', 0, 0, 0, 4], new MessageBuilder().Terminate().ToArray());
    }

    [Fact]
    public void WriteCString_NonAscii_Utf8AndNul()
    {
        var bytes = new MessageBuilder(initialCapacity: 0).WriteCString("東京🐘").ToArray();

        Assert.Equal([.. Encoding.UTF8.GetBytes("東京🐘"), 0], bytes);
    }

    [Fact]
    public void Writes_FarBeyondInitialCapacity_ReadBackIdentically()
    {
        var builder = new MessageBuilder(initialCapacity: 16);
        var big = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();

        builder.WriteInt32(-2).WriteBytes(big).WriteInt16(short.MinValue);

        var written = builder.Written.Span;
        Assert.Equal(4 + big.Length + 2, builder.Length);
        Assert.Equal(-2, BinaryPrimitives.ReadInt32BigEndian(written));
        Assert.True(written.Slice(4, big.Length).SequenceEqual(big));
        Assert.Equal(short.MinValue, BinaryPrimitives.ReadInt16BigEndian(written[^2..]));
    }

    [Fact]
    public void Writes_AnySequenceFromAnyCapacity_ReadBackIdentically()
    {
        Gen.Select(Gen.Int[-4, 64], Fields.Array[0, 60])
        .Sample((capacity, fields) =>
        {
            var builder = new MessageBuilder(capacity);
            foreach (var field in fields)
            {
                field.WriteTo(builder);
            }

            var written = builder.ToArray();
            Assert.Equal(builder.Length, written.Length);
            Assert.Equal(written.Length, ReadBackAll(fields, written));
        }, iter: 500);
    }

    [Fact]
    public void Messages_AnyFieldsInAnyNumberOfMessages_FramesReadBack()
    {
        Gen.Select(Gen.Int[0, 32], Gen.Select(Gen.Byte, Fields.Array[0, 12]).Array[0, 12])
        .Sample((capacity, messages) =>
        {
            var builder = new MessageBuilder(capacity);
            foreach (var (type, fields) in messages)
            {
                builder.Begin(type);
                foreach (var field in fields)
                {
                    field.WriteTo(builder);
                }

                builder.End();
            }

            var frames = Frames(builder.Written);

            Assert.Equal(messages.Length, frames.Count);
            for (var i = 0; i < frames.Count; i++)
            {
                Assert.Equal(messages[i].Item1, frames[i].Type);
                Assert.Equal(frames[i].Body.Length, ReadBackAll(messages[i].Item2, frames[i].Body));
            }
        }, iter: 300);
    }
}
