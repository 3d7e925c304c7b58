using System.Buffers;
using BenchmarkDotNet.Attributes;
using GenDb.Protocol;

namespace GenDb.Benchmarks;

/// <summary>
/// The relay reads a header for every frame it forwards. The input is what pgbench -M prepared
/// sends per transaction once its statement is prepared: Bind, Execute, Sync in one write.
/// </summary>
[MemoryDiagnoser]
public class FrameHeaderBenchmarks
{
    private const int FramesInPipeline = 3;

    private ReadOnlySequence<byte> _pipeline;

    [GlobalSetup]
    public void Setup()
    {
        var builder = new MessageBuilder()
            .Begin(FrontendMessageType.Bind)
            .WriteCString(string.Empty) // portal
            .WriteCString("P0_1") // statement
            .WriteInt16(0) // parameter formats: all text
            .WriteInt16(1) // parameters
            .WriteInt32(5).WriteBytes("12345"u8)
            .WriteInt16(0) // result formats: all text
            .End()
            .Begin(FrontendMessageType.Execute).WriteCString(string.Empty).WriteInt32(0).End()
            .Begin(FrontendMessageType.Sync).End();
        _pipeline = new ReadOnlySequence<byte>(builder.ToArray());

        if (TryRead_BindExecuteSync() != FramesInPipeline)
        {
            throw new InvalidOperationException($"Expected {FramesInPipeline} frames in the pipeline.");
        }
    }

    /// <summary>Reads every header and skips its frame, as the relay does; returns the frames read.</summary>
    [Benchmark]
    public int TryRead_BindExecuteSync()
    {
        var buffer = _pipeline;
        var frames = 0;
        while (FrameHeader.TryRead(buffer, out var header) && header.IsValid && header.FrameLength <= buffer.Length)
        {
            buffer = buffer.Slice(header.FrameLength);
            frames++;
        }

        return frames;
    }
}
