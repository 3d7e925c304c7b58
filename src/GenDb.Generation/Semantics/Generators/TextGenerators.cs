using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics.Columns;
using GenDb.Generation.Semantics.Data;
using GenDb.Generation.Semantics.Entities;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Generators;

/// <summary>One entry of a list, uniformly.</summary>
internal sealed class PickGenerator(WordList words) : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output) => output.Append(words.PickUtf8(ref rng));
}

/// <summary>An entry of a list chosen by a row entity, so several columns agree (a language's name and code).</summary>
internal sealed class RowPickGenerator(ulong key, int count, Func<int, string> text) : ConceptGenerator(unique: false)
{
    private readonly byte[][] _values = [.. Enumerable.Range(0, count).Select(i => System.Text.Encoding.UTF8.GetBytes(text(i)))];

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var entity = RowSeed.For(key, row);
        output.Append(_values[entity.NextBelow((ulong)_values.Length)]);
    }
}

/// <summary>
/// Makes another generator's text unique: the text, cut to leave room, then the row number
/// (<c>Silent River 42</c>). The trailing digits are the row's alone, so distinct rows differ.
/// </summary>
internal sealed class NumberedText(IValueGenerator inner, int maxChars) : ConceptGenerator(unique: true)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var start = output.Length;
        inner.Write(row, ref rng, output);
        var number = row + 1;
        var digits = Literal.DigitCount(number);
        if (maxChars < digits + 2)
        {
            throw new GenerationException("22001", $"cannot fit a unique name for row {number} into {maxChars} characters", "Widen the column, or give it a generator in gendb.yaml.");
        }

        Utf8Text.Fit(output, start, maxChars - digits - 2);
        var endsInDigit = output.Length > start && char.IsAsciiDigit((char)output.WrittenSpan[^1]);
        output.Append(endsInDigit ? " #"u8 : " "u8).Append(number);
    }
}

/// <summary>Titles of films, albums, songs, books, articles and tasks, from GenDB's own word lists.</summary>
internal sealed class TitleGenerator(string flavour) : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var adjective = Lexicon.TitleAdjectives.PickUtf8(ref rng);
        var noun = Lexicon.TitleNouns.PickUtf8(ref rng);
        var other = Lexicon.TitleNouns.PickUtf8(ref rng);
        var verb = Lexicon.TitleVerbs.PickUtf8(ref rng);
        var form = rng.NextBelow(100);
        switch (flavour)
        {
            case "film" or "book":
                _ = form switch
                {
                    < 35 => output.Append(adjective).Append((byte)' ').Append(noun),
                    < 55 => output.Append("The "u8).Append(adjective).Append((byte)' ').Append(noun),
                    < 70 => output.Append("The "u8).Append(noun),
                    < 85 => output.Append(noun).Append(" of the "u8).Append(other),
                    _ => output.Append(verb).Append(" the "u8).Append(noun),
                };
                break;
            case "album":
                _ = form switch
                {
                    < 35 => output.Append(adjective).Append((byte)' ').Append(noun),
                    < 55 => output.Append(noun).Append(" and "u8).Append(other),
                    < 75 => output.Append("The "u8).Append(adjective).Append((byte)' ').Append(noun),
                    < 90 => output.Append(verb).Append((byte)' ').Append(noun),
                    _ => output.Append(noun),
                };
                break;
            case "song":
                _ = form switch
                {
                    < 30 => output.Append(verb).Append(" the "u8).Append(noun),
                    < 55 => output.Append(adjective).Append((byte)' ').Append(noun),
                    < 75 => output.Append("My "u8).Append(adjective).Append((byte)' ').Append(noun),
                    < 90 => output.Append(noun),
                    _ => output.Append("Little "u8).Append(noun),
                };
                break;
            case "headline":
                _ = form switch
                {
                    < 25 => output.Append("Why the "u8).Append(adjective).Append((byte)' ').Append(noun).Append(" Matters"u8),
                    < 45 => output.Append(verb).Append(" the "u8).Append(noun).Append(": A Guide"u8),
                    < 65 => output.Append("The "u8).Append(adjective).Append(" Guide to the "u8).Append(noun),
                    < 85 => output.Append((long)(3 + rng.NextBelow(8))).Append(" Things About the "u8).Append(noun),
                    _ => output.Append("Inside the "u8).Append(adjective).Append((byte)' ').Append(noun),
                };
                break;
            case "task":
                var tag = Lexicon.Tags.PickUtf8(ref rng);
                _ = form switch
                {
                    < 25 => output.Append("Update "u8).Append(tag).Append(" settings"u8),
                    < 45 => output.Append("Review "u8).Append(tag).Append(" report"u8),
                    < 65 => output.Append("Fix "u8).Append(tag).Append(" page layout"u8),
                    < 80 => output.Append("Prepare "u8).Append(tag).Append(" presentation"u8),
                    _ => output.Append("Follow up on "u8).Append(tag).Append(" request"u8),
                };
                break;
            default:
                output.Append(adjective).Append((byte)' ').Append(noun);
                break;
        }
    }
}

/// <summary>Band names and solo artists.</summary>
internal sealed class ArtistNameGenerator(LocaleData data) : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var form = rng.NextBelow(100);
        if (form < 45)
        {
            output.Append("The "u8).Append(Lexicon.TitleAdjectives.PickUtf8(ref rng)).Append((byte)' ').Append(Lexicon.BandNouns.PickUtf8(ref rng));
        }
        else if (form < 65)
        {
            output.Append(Lexicon.TitleAdjectives.PickUtf8(ref rng)).Append((byte)' ').Append(Lexicon.BandNouns.PickUtf8(ref rng));
        }
        else
        {
            var firsts = rng.NextBelow(2) == 0 ? data.FemaleFirstNames : data.MaleFirstNames;
            output.Append(firsts.PickUtf8(ref rng)).Append((byte)' ').Append(data.LastNames.PickUtf8(ref rng));
        }
    }
}

/// <summary>
/// Names of groups of people. Clubs: <c>Porto Chess Club</c>, <c>Hiking Society</c>; teams:
/// <c>Marketing Team</c>, <c>Team Horizon</c>, <c>Denver Owls</c>.
/// </summary>
internal sealed class GroupNameGenerator(PlaceSet places, bool team) : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var form = rng.NextBelow(100);
        if (team)
        {
            if (form < 50)
            {
                output.Append(Lexicon.OrgDepartments.PickUtf8(ref rng)).Append(" Team"u8);
            }
            else if (form < 80)
            {
                output.Append("Team "u8).Append(Lexicon.TitleNouns.PickUtf8(ref rng));
            }
            else
            {
                output.Append(places.Pick(ref rng).Name).Append((byte)' ').Append(Lexicon.BandNouns.PickUtf8(ref rng));
            }

            return;
        }

        if (form < 50)
        {
            output.Append(places.Pick(ref rng).Name).Append((byte)' ');
        }

        output.Append(Lexicon.GroupTopics.PickUtf8(ref rng)).Append((byte)' ').Append(Lexicon.GroupKinds.PickUtf8(ref rng));
    }
}

/// <summary>Playlist names: the ones people make, and genre mixes.</summary>
internal sealed class PlaylistNameGenerator : ConceptGenerator
{
    public PlaylistNameGenerator()
        : base(unique: false)
    {
    }

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        if (rng.NextBelow(100) < 60)
        {
            output.Append(Lexicon.PlaylistNames.PickUtf8(ref rng));
            return;
        }

        output.Append(Lexicon.MusicGenres.PickUtf8(ref rng)).Append((byte)' ').Append(Lexicon.PlaylistSuffixes.PickUtf8(ref rng));
    }
}

/// <summary>Product names: <c>Ergonomic Steel Chair</c>, in the locale's words where Bogus has them.</summary>
internal sealed class ProductNameGenerator(LocaleData data) : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output) =>
        output.Append(data.ProductAdjectives.PickUtf8(ref rng)).Append((byte)' ')
            .Append(data.ProductMaterials.PickUtf8(ref rng)).Append((byte)' ')
            .Append(data.Products.PickUtf8(ref rng));
}

/// <summary>Job titles: common real ones, and Bogus's descriptor-level-job combinations.</summary>
internal sealed class JobTitleGenerator(LocaleData data) : ConceptGenerator(unique: false)
{
    private static readonly WordList Common = new(
    [
        "Software Engineer", "Sales Manager", "Accountant", "Registered Nurse", "Teacher", "Marketing Coordinator",
        "Customer Service Representative", "Data Analyst", "Project Manager", "Graphic Designer", "HR Specialist",
        "Operations Manager", "Financial Analyst", "Product Manager", "Office Manager", "Sales Representative",
        "Account Executive", "Web Developer", "Mechanical Engineer", "Pharmacist", "Electrician", "Chef", "Paralegal",
        "Recruiter", "IT Support Specialist", "Business Analyst", "Architect", "Consultant", "Executive Assistant",
        "Logistics Coordinator", "Sales Support Agent", "General Manager", "IT Manager", "Store Manager",
    ]);

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var form = rng.NextBelow(100);
        if (form < 50)
        {
            output.Append(Common.PickUtf8(ref rng));
            return;
        }

        if (form < 75)
        {
            output.Append(data.JobDescriptors.PickUtf8(ref rng)).Append((byte)' ');
        }

        output.Append(data.JobLevels.PickUtf8(ref rng)).Append((byte)' ').Append(data.JobRoles.PickUtf8(ref rng));
    }
}

/// <summary>Lowercase slugs: <c>silent-river-harbor</c>; unique ones end in the row number.</summary>
internal sealed class SlugGenerator(bool unique) : ConceptGenerator(unique)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var words = 2 + (int)rng.NextBelow(3);
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                output.Append((byte)'-');
            }

            var list = i % 2 == 0 ? Lexicon.TitleAdjectives : Lexicon.TitleNouns;
            var word = list.Folded(list.Pick(ref rng));
            output.Append(word);
        }

        if (IsUnique)
        {
            output.Append((byte)'-').Append(row + 1);
        }
    }
}

/// <summary>Colour names from the locale, or <c>#rrggbb</c>.</summary>
internal sealed class ColorGenerator(LocaleData data, bool hex, bool hash) : ConceptGenerator(unique: false)
{
    private const string HexDigits = "0123456789abcdef";

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        if (!hex)
        {
            output.Append(data.Colors.PickUtf8(ref rng));
            return;
        }

        if (hash)
        {
            output.Append((byte)'#');
        }

        var rgb = rng.NextBelow(1 << 24);
        for (var shift = 20; shift >= 0; shift -= 4)
        {
            output.Append((byte)HexDigits[(int)((rgb >> shift) & 0xF)]);
        }
    }
}

/// <summary>Generic names: two capitalised words.</summary>
internal sealed class LabelGenerator() : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output) =>
        output.Append(Lexicon.TitleAdjectives.PickUtf8(ref rng)).Append((byte)' ').Append(Lexicon.TitleNouns.PickUtf8(ref rng));
}
