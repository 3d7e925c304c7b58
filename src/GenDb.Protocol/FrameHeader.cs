using System.Buffers;
using System.Buffers.Binary;

namespace GenDb.Protocol;

/// <summary>
/// The five bytes in front of every message after startup: a type byte and an int32 length that counts
/// itself and the body but not the type byte.
/// </summary>
public readonly record struct FrameHeader(byte Type, int Length)
{
    public const int Size = 5;

    /// <summary>Bytes of the whole frame, type byte included.</summary>
    public long FrameLength => Length + 1L;

    /// <summary>Bytes after the header.</summary>
    public int BodyLength => Length - 4;

    /// <summary>A length below 4 cannot be: the peer is not speaking the protocol.</summary>
    public bool IsValid => Length >= 4;

    /// <summary>Reads a header from the start of <paramref name="buffer"/>; false when fewer than five bytes are there.</summary>
    public static bool TryRead(in ReadOnlySequence<byte> buffer, out FrameHeader header)
    {
        var first = buffer.FirstSpan;
        if (first.Length >= Size)
        {
            header = new FrameHeader(first[0], BinaryPrimitives.ReadInt32BigEndian(first[1..]));
            return true;
        }

        if (buffer.Length < Size)
        {
            header = default;
            return false;
        }

        Span<byte> scratch = stackalloc byte[Size];
        buffer.Slice(0, Size).CopyTo(scratch);
        header = new FrameHeader(scratch[0], BinaryPrimitives.ReadInt32BigEndian(scratch[1..]));
        return true;
    }
}
