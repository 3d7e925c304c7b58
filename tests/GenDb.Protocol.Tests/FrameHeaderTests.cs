using System.Buffers;
using System.Buffers.Binary;
using CsCheck;
using GenDb.Protocol.Tests.Support;

namespace GenDb.Protocol.Tests;

public sealed class FrameHeaderTests
{
    private static byte[] Frame(byte type, int length, ReadOnlySpan<byte> after = default)
    {
        var bytes = new byte[FrameHeader.Size + after.Length];
        bytes[0] = type;
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(1), length);
        after.CopyTo(bytes.AsSpan(FrameHeader.Size));
        return bytes;
    }

    [Fact]
    public void TryRead_SingleSegment_ReadsTypeAndBigEndianLength()
    {
        var buffer = new ReadOnlySequence<byte>([(byte)'Q', 0x01, 0x02, 0x03, 0x04, 0xFF]);

        var read = FrameHeader.TryRead(buffer, out var header);

        Assert.True(read);
        Assert.Equal(new FrameHeader((byte)'Q', 0x01020304), header);
    }

    [Fact]
    public void TryRead_EveryInteriorCutOfFiveBytes_ReadsSameHeader()
    {
        var bytes = Frame((byte)'D', 0x7A6B5C4D);

        foreach (var cuts in Sequences.EveryInteriorCut(bytes.Length))
        {
            var read = FrameHeader.TryRead(Sequences.Split(bytes, cuts), out var header);

            Assert.True(read, $"cuts {string.Join(',', cuts)}");
            Assert.Equal(new FrameHeader((byte)'D', 0x7A6B5C4D), header);
        }
    }

    [Fact]
    public void TryRead_EmptySegmentsFirstAndBetween_ReadsHeader()
    {
        var buffer = Sequences.Split(Frame((byte)'Z', 5, [(byte)'I']), 0, 0, 2, 2, 5, 6);

        var read = FrameHeader.TryRead(buffer, out var header);

        Assert.True(read);
        Assert.Equal(new FrameHeader((byte)'Z', 5), header);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void TryRead_FewerThanFiveBytes_False(int count)
    {
        var bytes = Frame((byte)'Q', 100)[..count];

        Assert.False(FrameHeader.TryRead(new ReadOnlySequence<byte>(bytes), out var single));
        Assert.Equal(default, single);
        foreach (var cuts in Sequences.EveryInteriorCut(count))
        {
            Assert.False(FrameHeader.TryRead(Sequences.Split(bytes, cuts), out var split));
            Assert.Equal(default, split);
        }
    }

    [Fact]
    public void TryRead_AnyHeaderAnySplit_ReadsHeaderWritten()
    {
        (from type in Gen.Byte
         from length in Gen.Int
         from after in Gen.Byte.Array[0, 12]
         from cuts in Gen.Int[0, FrameHeader.Size + after.Length].Array[0, 6]
         select (type, length, after, cuts))
        .Sample(t =>
        {
            var bytes = Frame(t.type, t.length, t.after);

            var read = FrameHeader.TryRead(Sequences.Split(bytes, t.cuts), out var header);

            Assert.True(read);
            Assert.Equal(new FrameHeader(t.type, t.length), header);
        }, iter: 2000);
    }

    [Fact]
    public void TryRead_AnyPrefixShorterThanHeaderAnySplit_False()
    {
        (from bytes in Gen.Byte.Array[0, FrameHeader.Size - 1]
         from cuts in Gen.Int[0, bytes.Length].Array[0, 4]
         select (bytes, cuts))
        .Sample(t => Assert.False(FrameHeader.TryRead(Sequences.Split(t.bytes, t.cuts), out _)));
    }

    [Theory]
    [InlineData(4, 5L, 0, true)]
    [InlineData(5, 6L, 1, true)]
    [InlineData(int.MaxValue, 2_147_483_648L, int.MaxValue - 4, true)]
    [InlineData(3, 4L, -1, false)]
    [InlineData(-1, 0L, -5, false)]
    public void Lengths_FromLengthField_CountTypeByteAndHeader(int length, long frameLength, int bodyLength, bool valid)
    {
        var header = new FrameHeader((byte)'d', length);

        Assert.Equal(frameLength, header.FrameLength);
        Assert.Equal(bodyLength, header.BodyLength);
        Assert.Equal(valid, header.IsValid);
    }
}
