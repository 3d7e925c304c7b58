using System.Buffers;

namespace GenDb.Protocol.Tests.Support;

internal static class Sequences
{
    /// <summary>
    /// <paramref name="bytes"/> cut at each offset in <paramref name="cuts"/> (any order), every piece in
    /// an array of its own so that no reader can run past a segment's end by accident. A repeated
    /// offset, 0 or <c>bytes.Length</c> gives an empty segment.
    /// </summary>
    public static ReadOnlySequence<byte> Split(ReadOnlySpan<byte> bytes, params IEnumerable<int> cuts)
    {
        BufferSegment? first = null;
        BufferSegment? last = null;
        var start = 0;
        foreach (var cut in cuts.Order().Append(bytes.Length))
        {
            var piece = bytes[start..cut].ToArray();
            last = last is null ? first = new BufferSegment(piece) : last.Append(piece);
            start = cut;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    /// <summary>Every set of cut offsets strictly inside <paramref name="length"/> bytes: 2^(length-1) of them.</summary>
    public static IEnumerable<int[]> EveryInteriorCut(int length)
    {
        var interior = Math.Max(0, length - 1);
        for (var mask = 0; mask < 1 << interior; mask++)
        {
            yield return [.. Enumerable.Range(1, interior).Where(offset => (mask & (1 << (offset - 1))) != 0)];
        }
    }
}
