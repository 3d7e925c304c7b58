using System.Buffers;
using System.Buffers.Binary;
using CsCheck;
using GenDb.Protocol.Tests.Support;

namespace GenDb.Protocol.Tests;

public sealed class StartupPacketTests
{
    private const string InvalidLength = "invalid length of startup packet";

    /// <summary>Length, code, then <paramref name="body"/>; the length field counts all of it.</summary>
    private static byte[] Packet(int code, ReadOnlySpan<byte> body = default)
    {
        var bytes = new byte[8 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, bytes.Length);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), code);
        body.CopyTo(bytes.AsSpan(8));
        return bytes;
    }

    private static byte[] StartupMessage() =>
        Packet(StartupCodes.Protocol30, "user\0alice\0database\0shop\0application_name\0Zürich\0\0"u8);

    private static byte[] LengthOnly(int length)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, length);
        return bytes;
    }

    private static StartupPacketStatus Read(ReadOnlySequence<byte> buffer, out StartupPacket packet, out string? error) =>
        StartupPacket.TryRead(buffer, out packet, out error);

    [Theory]
    [InlineData(StartupCodes.SslRequest, StartupPacketKind.SslRequest)]
    [InlineData(StartupCodes.GssEncRequest, StartupPacketKind.GssEncRequest)]
    [InlineData(StartupCodes.CancelRequest, StartupPacketKind.CancelRequest)]
    [InlineData(StartupCodes.Protocol30, StartupPacketKind.StartupMessage)]
    [InlineData(StartupCodes.Protocol32, StartupPacketKind.StartupMessage)]
    [InlineData((3 << 16) | 99, StartupPacketKind.StartupMessage)]
    [InlineData(2 << 16, StartupPacketKind.Unsupported)]
    [InlineData(4 << 16, StartupPacketKind.Unsupported)]
    [InlineData(0, StartupPacketKind.Unsupported)]
    [InlineData(-1, StartupPacketKind.Unsupported)]
    public void TryRead_WholeEightBytePacket_CompleteWithCodeAndKind(int code, StartupPacketKind kind)
    {
        var status = Read(new ReadOnlySequence<byte>(Packet(code)), out var packet, out var error);

        Assert.Equal(StartupPacketStatus.Complete, status);
        Assert.Null(error);
        Assert.Equal(8, packet.Length);
        Assert.Equal(code, packet.Code);
        Assert.Equal(kind, packet.Kind);
    }

    [Fact]
    public void TryRead_CancelRequestWithKeys_CompleteSixteenBytes()
    {
        var bytes = Packet(StartupCodes.CancelRequest, [0, 0, 0x30, 0x39, 0x12, 0x34, 0x56, 0x78]);

        var status = Read(new ReadOnlySequence<byte>(bytes), out var packet, out _);

        Assert.Equal(StartupPacketStatus.Complete, status);
        Assert.Equal(new StartupPacket(16, StartupCodes.CancelRequest), packet);
        Assert.Equal(StartupPacketKind.CancelRequest, packet.Kind);
    }

    [Fact]
    public void TryRead_StartupMessageFollowedByMoreBytes_LengthIsThePacketsOwn()
    {
        var message = StartupMessage();
        byte[] bytes = [.. message, (byte)'Q', 0, 0, 0, 4];

        var status = Read(new ReadOnlySequence<byte>(bytes), out var packet, out _);

        Assert.Equal(StartupPacketStatus.Complete, status);
        Assert.Equal(message.Length, packet.Length);
        Assert.Equal(StartupPacketKind.StartupMessage, packet.Kind);
    }

    [Fact]
    public void TryRead_EveryPrefixAtEveryCut_NeedMoreDataThenComplete()
    {
        var bytes = StartupMessage();

        for (var prefix = 0; prefix <= bytes.Length; prefix++)
        {
            var expected = prefix == bytes.Length ? StartupPacketStatus.Complete : StartupPacketStatus.NeedMoreData;
            for (var cut = 1; cut < prefix; cut++)
            {
                var status = Read(Sequences.Split(bytes.AsSpan(0, prefix), cut), out var packet, out var error);

                Assert.True(expected == status, $"prefix {prefix}, cut {cut}: {status}");
                Assert.Null(error);
                if (status == StartupPacketStatus.Complete)
                {
                    Assert.Equal(new StartupPacket(bytes.Length, StartupCodes.Protocol30), packet);
                }
            }
        }
    }

    [Fact]
    public void TryRead_AnyPacketAnyInteriorCuts_NeedMoreDataUntilWhole()
    {
        (from code in Gen.Int
         from body in Gen.Byte.Array[0, 64]
         from prefix in Gen.Int[0, 8 + body.Length]
         from cuts in Gen.Int[1, Math.Max(1, prefix - 1)].Array[0, 5]
         select (code, body, prefix, cuts))
        .Sample(t =>
        {
            var bytes = Packet(t.code, t.body);
            var buffer = t.prefix == 0
                ? ReadOnlySequence<byte>.Empty
                : Sequences.Split(bytes.AsSpan(0, t.prefix), t.cuts.Where(c => c < t.prefix));

            var status = Read(buffer, out var packet, out var error);

            Assert.Null(error);
            if (t.prefix < bytes.Length)
            {
                Assert.Equal(StartupPacketStatus.NeedMoreData, status);
            }
            else
            {
                Assert.Equal(StartupPacketStatus.Complete, status);
                Assert.Equal(new StartupPacket(bytes.Length, t.code), packet);
            }
        }, iter: 2000);
    }

    [Fact]
    public void TryRead_Empty_NeedMoreData()
    {
        var status = Read(ReadOnlySequence<byte>.Empty, out _, out var error);

        Assert.Equal(StartupPacketStatus.NeedMoreData, status);
        Assert.Null(error);
    }

    /// <summary>
    /// A sequence may start with an empty segment (nothing in <see cref="ReadOnlySequence{T}"/> forbids it);
    /// <see cref="FrameHeader.TryRead"/> copes with one, so the startup reader should too.
    /// </summary>
    [Fact]
    public void TryRead_EmptyFirstSegment_SameAsContiguous()
    {
        var bytes = StartupMessage();

        var status = Read(Sequences.Split(bytes, 0, 3), out var packet, out var error);

        Assert.Equal(StartupPacketStatus.Complete, status);
        Assert.Null(error);
        Assert.Equal(new StartupPacket(bytes.Length, StartupCodes.Protocol30), packet);
    }

    [Theory]
    [InlineData(int.MinValue)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(10_001)]
    [InlineData(0x00FF_FFFF)]
    public void TryRead_LengthOutOfRangeInFirstFourBytes_Invalid(int length)
    {
        var status = Read(new ReadOnlySequence<byte>(LengthOnly(length)), out var packet, out var error);

        Assert.Equal(StartupPacketStatus.Invalid, status);
        Assert.Equal(InvalidLength, error);
        Assert.Equal(default, packet);
    }

    [Fact]
    public void TryRead_LengthOutOfRangeSplitAcrossSegments_Invalid()
    {
        var bytes = LengthOnly(10_001);

        foreach (var cuts in Sequences.EveryInteriorCut(bytes.Length))
        {
            var status = Read(Sequences.Split(bytes, cuts), out _, out var error);

            Assert.Equal(StartupPacketStatus.Invalid, status);
            Assert.Equal(InvalidLength, error);
        }
    }

    [Theory]
    [InlineData(StartupCodes.MinStartupPacketLength)]
    [InlineData(StartupCodes.MaxStartupPacketLength)]
    public void TryRead_LengthAtEitherBoundWithOnlyFourBytes_NeedMoreData(int length)
    {
        var status = Read(new ReadOnlySequence<byte>(LengthOnly(length)), out _, out var error);

        Assert.Equal(StartupPacketStatus.NeedMoreData, status);
        Assert.Null(error);
    }

    [Fact]
    public void TryRead_LongestAllowedPacket_Complete()
    {
        var bytes = Packet(StartupCodes.Protocol30, new byte[StartupCodes.MaxStartupPacketLength - 8]);

        var status = Read(Sequences.Split(bytes, 4_000, 9_000), out var packet, out _);

        Assert.Equal(StartupPacketStatus.Complete, status);
        Assert.Equal(StartupCodes.MaxStartupPacketLength, packet.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(200)]
    public void TryRead_TlsHandshakeFirstByte_InvalidMentioningDirectTls(int count)
    {
        var bytes = new byte[count];
        bytes[0] = StartupCodes.TlsHandshakeRecord;
        bytes.AsSpan(1).Fill(0x03);

        var status = Read(new ReadOnlySequence<byte>(bytes), out var packet, out var error);

        Assert.Equal(StartupPacketStatus.Invalid, status);
        Assert.NotNull(error);
        Assert.Contains("direct TLS", error, StringComparison.Ordinal);
        Assert.Equal(default, packet);
    }

    [Theory]
    [InlineData(StartupCodes.CancelRequest, 1234, 5678)]
    [InlineData(StartupCodes.SslRequest, 1234, 5679)]
    [InlineData(StartupCodes.GssEncRequest, 1234, 5680)]
    [InlineData(StartupCodes.Protocol30, 3, 0)]
    [InlineData(StartupCodes.Protocol32, 3, 2)]
    public void Versions_OfCodes_SplitHighAndLowHalves(int code, int major, int minor)
    {
        Assert.Equal(major, StartupCodes.MajorVersion(code));
        Assert.Equal(minor, StartupCodes.MinorVersion(code));
    }
}
