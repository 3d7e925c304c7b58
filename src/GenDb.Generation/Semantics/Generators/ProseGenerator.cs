using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics.Columns;
using GenDb.Generation.Semantics.Data;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Generators;

/// <summary>
/// Sentences until a length drawn for the flavour is reached, cut at a word boundary to fit
/// the column (varchar(n), length CHECKs): film plots, product descriptions, work items, event
/// and course blurbs, job ads, one-line company and team descriptions, neutral business prose,
/// bios, notes, readers' comments, reviews and articles. One register per column: a value never
/// mixes a note with a film plot, and a flavour it does not know gets business prose, not a plot.
/// </summary>
internal sealed class ProseGenerator : ConceptGenerator
{
    private readonly string _flavour;
    private readonly LocaleData _data;
    private readonly PlaceSet _places;
    private readonly WordList _jobs;
    private readonly int _minChars;
    private readonly int _maxChars;
    private readonly int _targetLo;
    private readonly int _targetHi;

    public ProseGenerator(string flavour, LocaleData data, PlaceSet places, int minChars, int maxChars)
        : base(unique: false)
    {
        _flavour = flavour;
        _data = data;
        _places = places;
        _jobs = new WordList(Enumerable.Range(0, data.JobRoles.Count).Select(i => data.JobRoles.Text(i).ToLowerInvariant()));
        _minChars = minChars;
        _maxChars = maxChars;
        var (lo, hi) = flavour switch
        {
            "note" => (15, 160),
            "comment" => (15, 240),
            "review" => (30, 320),
            "article" => (200, 1_500),
            "bio" => (60, 200),
            "work item" => (40, 240),
            "event" => (60, 280),
            "job ad" => (80, 360),

            // A company or a team is described in one line; a length CHECK may still ask for more.
            "organization" or "team" => (1, 1),
            "business" => (30, 200),
            _ => (60, 260),
        };

        // The column decides first: a varchar(20) gets short comments, a min length long ones.
        _targetHi = Math.Clamp(hi, Math.Max(1, minChars), maxChars);
        _targetLo = Math.Clamp(lo, Math.Max(1, minChars), _targetHi);
    }

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var start = output.Length;
        var target = (int)rng.NextInclusive(_targetLo, _targetHi);

        // Listed sentences follow a stride through their list, so none repeats within a value.
        var offset = rng.NextBelow(1_000_000);
        var stride = Strides[rng.NextBelow((ulong)Strides.Length)];
        var sentences = 0;
        while (sentences == 0 || output.Length - start < target)
        {
            if (WholeSentences(sentences) is { } list)
            {
                // Whole sentences where the column has room: a first one too long gives way to one
                // that fits, and a later one that does not fit ends the value rather than being cut.
                var used = output.Length - start;
                var room = _maxChars - used - (sentences > 0 ? 1 : 0);
                if (!Fits(list, ref offset, stride, sentences, room) && sentences > 0 && used >= _minChars)
                {
                    break;
                }
            }

            if (sentences > 0)
            {
                output.Append(_flavour == "article" && sentences % 4 == 0 ? "\n\n"u8 : " "u8);
            }

            WriteSentence(ref rng, output, sentences, offset + ((ulong)sentences * stride));
            sentences++;
            if (sentences > 200)
            {
                break;
            }
        }

        if (output.Length - start > _maxChars)
        {
            Utf8Text.Fit(output, start, _maxChars - 1);
            EndSentence(output, start);
        }

        // A cut can leave fewer characters than a length CHECK wants: pad with short words.
        while (Utf8Text.CharCount(output.WrittenSpan[start..]) < _minChars)
        {
            output.Append((byte)' ').Append(Lexicon.Tags.PickUtf8(ref rng));
        }

        if (output.Length - start > _maxChars)
        {
            Utf8Text.Fit(output, start, _maxChars);
        }
    }

    /// <summary>Strides prime to every list's length: successive sentences differ until the list is used up.</summary>
    private static readonly ulong[] Strides = [1, 7, 11, 13, 17];

    private static ReadOnlySpan<byte> Nth(WordList list, ulong position) => list[(int)(position % (ulong)list.Count)];

    /// <summary>The list sentence <paramref name="index"/> comes from, for the registers written from whole listed sentences only.</summary>
    private WordList? WholeSentences(int index) => _flavour switch
    {
        "work item" => index == 0 ? ProseLines.WorkItems : ProseLines.WorkItemNotes,
        "event" => index == 0 ? ProseLines.EventBlurbs : ProseLines.EventDetails,
        "job ad" => index == 0 ? ProseLines.JobOpenings : ProseLines.JobDetails,
        "organization" => ProseLines.Organizations,
        "team" => ProseLines.Teams,
        "story" or "note" or "comment" or "review" or "article" or "bio" or "product description" => null,
        _ => ProseLines.BusinessLines,
    };

    /// <summary>
    /// Whether sentence <paramref name="index"/> fits in <paramref name="room"/> bytes (the lists
    /// are ASCII: bytes are characters). The first may move the whole stride to the next sentence
    /// that fits, so later ones still never repeat it.
    /// </summary>
    private static bool Fits(WordList list, ref ulong offset, ulong stride, int index, int room)
    {
        var tries = index == 0 ? list.Count : 1;
        for (var k = 0; k < tries; k++)
        {
            if (Nth(list, offset + (ulong)k + ((ulong)index * stride)).Length <= room)
            {
                offset += (ulong)k;
                return true;
            }
        }

        return false;
    }

    /// <summary>After a cut: no dangling "and" or "of", and a full stop.</summary>
    private void EndSentence(ValueBuilder output, int start)
    {
        while (true)
        {
            var text = output.WrittenSpan[start..];
            var space = text.LastIndexOf((byte)' ');
            if (space <= 0 || !Dangling(text[(space + 1)..]) || Utf8Text.CharCount(text[..space]) < _minChars)
            {
                break;
            }

            output.Truncate(start + space);
            Utf8Text.Fit(output, start, _maxChars - 1);
        }

        if (output.WrittenSpan[^1] != (byte)'.')
        {
            output.Append((byte)'.');
        }
    }

    private static bool Dangling(ReadOnlySpan<byte> word) =>
        word.SequenceEqual("and"u8) || word.SequenceEqual("or"u8) || word.SequenceEqual("of"u8) || word.SequenceEqual("the"u8)
        || word.SequenceEqual("a"u8) || word.SequenceEqual("an"u8) || word.SequenceEqual("with"u8) || word.SequenceEqual("in"u8)
        || word.SequenceEqual("to"u8) || word.SequenceEqual("for"u8) || word.SequenceEqual("who"u8) || word.SequenceEqual("must"u8)
        || word.SequenceEqual("at"u8) || word.SequenceEqual("on"u8) || word.SequenceEqual("based"u8) || word.SequenceEqual("Enjoys"u8)
        || word.SequenceEqual("by"u8) || word.SequenceEqual("from"u8) || word.SequenceEqual("as"u8) || word.SequenceEqual("our"u8)
        || word.SequenceEqual("their"u8) || word.SequenceEqual("your"u8) || word.SequenceEqual("into"u8) || word.SequenceEqual("than"u8);

    private void WriteSentence(ref Rng rng, ValueBuilder output, int index, ulong listed)
    {
        switch (_flavour)
        {
            case "note":
                output.Append(Nth(Lexicon.Remarks, listed));
                break;
            case "comment":
                output.Append(Nth(Lexicon.CommentLines, listed));
                break;
            case "review":
                output.Append(Nth(Lexicon.ReviewLines, listed));
                break;
            case "article":
                output.Append(Nth(Lexicon.ArticleLines, listed));
                break;
            case "bio" when index == 0:
                WriteBio(ref rng, output);
                break;
            case "bio":
                output.Append(Nth(Lexicon.BioLines, listed));
                break;
            case "product description" when index == 0:
                output.Append(_data.ProductAdjectives.PickUtf8(ref rng)).Append((byte)' ')
                    .Append(_data.ProductMaterials.PickUtf8(ref rng)).Append((byte)' ')
                    .Append(_data.Products.PickUtf8(ref rng)).Append(" with "u8)
                    .Append(Lexicon.ProductFeatures.PickUtf8(ref rng)).Append((byte)'.');
                break;
            case "product description" when rng.NextBelow(3) == 0:
                output.Append("Perfect for "u8).Append(Lexicon.Hobbies.PickUtf8(ref rng)).Append((byte)'.');
                break;
            case "product description":
                output.Append(Nth(Lexicon.ProductClaims, listed));
                break;
            case "story":
                WriteStory(ref rng, output);
                break;
            default:
                output.Append(Nth(WholeSentences(index) ?? ProseLines.BusinessLines, listed));
                break;
        }
    }

    /// <summary><c>An Epic Drama of a Teacher And a Dog who must Find a Pilot in Ancient Japan.</c></summary>
    private static void WriteStory(ref Rng rng, ValueBuilder output)
    {
        var adjective = Lexicon.StoryAdjectives.PickUtf8(ref rng);
        output.Append(StartsWithVowel(adjective) ? "An "u8 : "A "u8).Append(adjective).Append((byte)' ');
        output.Append(Lexicon.StoryKinds.PickUtf8(ref rng)).Append(" of "u8);
        Character(ref rng, output);
        output.Append(" and "u8);
        Character(ref rng, output);
        output.Append(" who must "u8).Append(Lexicon.StoryVerbs.PickUtf8(ref rng)).Append((byte)' ');
        Character(ref rng, output);
        output.Append((byte)' ').Append(Lexicon.StoryPlaces.PickUtf8(ref rng)).Append((byte)'.');
    }

    private static void Character(ref Rng rng, ValueBuilder output)
    {
        var who = Lexicon.StoryCharacters.PickUtf8(ref rng);
        output.Append(StartsWithVowel(who) ? "an "u8 : "a "u8).Append(who);
    }

    private void WriteBio(ref Rng rng, ValueBuilder output)
    {
        output.Append(Lexicon.BioOpenings.PickUtf8(ref rng)).Append((byte)' ');
        output.Append(_jobs.PickUtf8(ref rng)).Append(" based in "u8).Append(_places.Pick(ref rng).Name).Append(". Enjoys "u8);
        output.Append(Lexicon.Hobbies.PickUtf8(ref rng)).Append(" and "u8).Append(Lexicon.Hobbies.PickUtf8(ref rng)).Append((byte)'.');
    }

    private static bool StartsWithVowel(ReadOnlySpan<byte> word) => word.Length > 0 && word[0] is (byte)'A' or (byte)'E' or (byte)'I' or (byte)'O' or (byte)'U' or (byte)'a' or (byte)'e' or (byte)'i' or (byte)'o' or (byte)'u';
}
