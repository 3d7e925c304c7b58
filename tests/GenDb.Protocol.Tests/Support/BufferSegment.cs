using System.Buffers;

namespace GenDb.Protocol.Tests.Support;

/// <summary>One link of a hand-built <see cref="ReadOnlySequence{T}"/>, as a pipe hands them out.</summary>
internal sealed class BufferSegment : ReadOnlySequenceSegment<byte>
{
    public BufferSegment(ReadOnlyMemory<byte> memory) => Memory = memory;

    public BufferSegment Append(ReadOnlyMemory<byte> memory)
    {
        var next = new BufferSegment(memory) { RunningIndex = RunningIndex + Memory.Length };
        Next = next;
        return next;
    }
}
