using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics.Columns;
using GenDb.Generation.Semantics.Data;
using GenDb.Generation.Semantics.Entities;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Generators;

internal enum FilePart
{
    Name,
    Mime,
    Size,
}

/// <summary>
/// The file of a row: a kind (PDF, JPEG, ...), a name with the kind's extension and a size the
/// kind usually has, so file name, MIME type and size columns agree.
/// </summary>
internal sealed class FileGenerator : ConceptGenerator
{
    private static readonly ulong[] Cumulative = BuildCumulative();
    private static readonly byte[][] Mimes = [.. Lexicon.FileKinds.Select(k => System.Text.Encoding.ASCII.GetBytes(k.Mime))];
    private static readonly byte[][] Extensions = [.. Lexicon.FileKinds.Select(k => System.Text.Encoding.ASCII.GetBytes(k.Extension))];
    private static readonly DecadeShape Sizes = new(1);

    private readonly ulong _key;
    private readonly FilePart _part;
    private readonly UnitWindow? _sizes;

    public FileGenerator(ulong key, FilePart part, bool unique, UnitWindow? sizes = null)
        : base(unique)
    {
        _key = key;
        _part = part;
        _sizes = sizes;
    }

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var file = RowSeed.For(_key, row);
        var draw = file.NextBelow(Cumulative[^1]);
        var kind = 0;
        while (Cumulative[kind] <= draw)
        {
            kind++;
        }

        var stem = Lexicon.FileStems.Pick(ref file);
        var number = 1 + (long)file.NextBelow(999);
        var info = Lexicon.FileKinds[kind];
        var size = Sizes.Sample(ref file, info.MinBytes, info.MaxBytes);
        switch (_part)
        {
            case FilePart.Name:
                output.Append(Lexicon.FileStems[stem]).Append((byte)'_').Append(IsUnique ? row + 1 : number).Append((byte)'.').Append(Extensions[kind]);
                break;
            case FilePart.Mime:
                output.Append(Mimes[kind]);
                break;
            default:
                output.Append(_sizes is null ? size : _sizes.Adjust(size));
                break;
        }
    }

    private static ulong[] BuildCumulative()
    {
        var cumulative = new ulong[Lexicon.FileKinds.Count];
        ulong total = 0;
        for (var i = 0; i < cumulative.Length; i++)
        {
            total += (ulong)Lexicon.FileKinds[i].Weight;
            cumulative[i] = total;
        }

        return cumulative;
    }
}

/// <summary>
/// The recording of a row (a track, an episode): a length and a bitrate, so that a
/// milliseconds column and a bytes column agree (bytes = milliseconds × kbit/s ÷ 8).
/// </summary>
internal sealed class MediaSource(ulong key)
{
    private static readonly long[] Bitrates = [128, 160, 192, 256, 320];

    public (long Milliseconds, long Bytes) Of(long row)
    {
        var media = RowSeed.For(key, row);

        // 1.5 to 8 minutes, most around four.
        var milliseconds = 90_000 + (long)((media.NextDouble() + media.NextDouble()) / 2 * 390_000);
        var kbps = Bitrates[media.NextBelow((ulong)Bitrates.Length)];
        return (milliseconds, milliseconds * kbps / 8);
    }
}
