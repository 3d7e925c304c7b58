using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics.Data;
using GenDb.Generation.Semantics.Entities;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Generators;

internal enum PersonPart
{
    First,
    Middle,
    Last,
    Full,
    Salutation,
    Gender,

    /// <summary>One to three people, as songwriting credits list them.</summary>
    Names,
}

/// <summary>A part of the row's person: a name, a salutation, a gender.</summary>
internal sealed class PersonNameGenerator(PersonSource source, PersonPart part, byte[]? female = null, byte[]? male = null)
    : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var person = Person.Of(source, row);
        switch (part)
        {
            case PersonPart.First:
                output.Append(source.FirstName(person));
                break;
            case PersonPart.Middle:
                output.Append(source.MiddleName(person));
                break;
            case PersonPart.Last:
                output.Append(source.LastName(person));
                break;
            case PersonPart.Full:
                output.Append(source.FirstName(person)).Append((byte)' ').Append(source.LastName(person));
                break;
            case PersonPart.Salutation:
                var salutations = person.Female ? Lexicon.FemaleSalutations : Lexicon.MaleSalutations;
                var pick = person.Female
                    ? (person.Salutation < 50 ? 0 : person.Salutation < 80 ? 1 : person.Salutation < 90 ? 2 : 3)
                    : (person.Salutation < 90 ? 0 : 1);
                output.Append(salutations[pick]);
                break;
            case PersonPart.Gender:
                output.Append(person.Female ? female : male);
                break;
            default:
                WriteNames(person, ref rng, output);
                break;
        }
    }

    private void WriteNames(in Person person, ref Rng rng, ValueBuilder output)
    {
        output.Append(source.FirstName(person)).Append((byte)' ').Append(source.LastName(person));
        var draw = rng.NextBelow(100);
        var more = draw < 60 ? 0 : draw < 85 ? 1 : 2;
        var separator = rng.NextBelow(3) switch { 0 => ", "u8, 1 => " & "u8, _ => "/"u8 };
        for (var i = 0; i < more; i++)
        {
            var firsts = rng.NextBelow(2) == 0 ? source.Data.FemaleFirstNames : source.Data.MaleFirstNames;
            output.Append(separator).Append(firsts.PickUtf8(ref rng)).Append((byte)' ').Append(source.Data.LastNames.PickUtf8(ref rng));
        }
    }
}

/// <summary>
/// Addresses built from the row's person (<c>first.last@domain</c>, lowercase ASCII). Unique
/// ones end in the row number, so distinct rows differ by construction; long names are cut to fit
/// the column, never the number.
/// </summary>
internal sealed class EmailGenerator(PersonSource source, bool unique, int maxChars) : ConceptGenerator(unique)
{
    /// <summary>The shortest column an address is written into: a@b.com plus room for names and a number.</summary>
    public const int MinimumLength = 16;

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var person = Person.Of(source, row);
        var domain = source.Domains[person.Domain];
        var budget = maxChars - 1 - domain.Length;
        LocalPart.Write(output, source, person, row, IsUnique, budget, LocalPart.EmailStyle(person.Style));
        output.Append((byte)'@').Append(domain);
    }
}

/// <summary>Usernames from the row's person: <c>jdoe</c>, <c>jane.doe</c>, <c>janedoe42</c>.</summary>
internal sealed class UsernameGenerator(PersonSource source, bool unique, int maxChars) : ConceptGenerator(unique)
{
    public const int MinimumLength = 6;

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var person = Person.Of(source, row);
        LocalPart.Write(output, source, person, row, IsUnique, maxChars, LocalPart.UsernameStyle(person.Style));
    }
}

/// <summary>How a person's names make the part before the @ (or a username).</summary>
internal static class LocalPart
{
    public enum Style
    {
        FirstDotLast,
        FirstLast,
        FirstUnderscoreLast,
        FirstDotLastNumber,
        LastDotFirst,
        FirstLastNumber,
        InitialLast,
        FirstInitial,
    }

    public static Style EmailStyle(int draw) => draw switch
    {
        < 40 => Style.FirstDotLast,
        < 55 => Style.FirstLast,
        < 65 => Style.FirstUnderscoreLast,
        < 85 => Style.FirstDotLastNumber,
        < 95 => Style.LastDotFirst,
        _ => Style.FirstLastNumber,
    };

    public static Style UsernameStyle(int draw) => draw switch
    {
        < 25 => Style.FirstDotLast,
        < 45 => Style.InitialLast,
        < 60 => Style.FirstInitial,
        < 75 => Style.FirstUnderscoreLast,
        < 90 => Style.FirstLastNumber,
        _ => Style.LastDotFirst,
    };

    public static void Write(ValueBuilder output, PersonSource source, in Person person, long row, bool unique, int budget, Style style)
    {
        var first = source.FoldedFirst(person);
        var last = source.FoldedLast(person);

        // The row number (unique) or the person's favourite number: digits that end the part.
        Span<byte> digits = stackalloc byte[20];
        var digitCount = 0;
        if (unique)
        {
            (row + 1).TryFormat(digits, out digitCount, default, System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (style is Style.FirstDotLastNumber or Style.FirstLastNumber)
        {
            person.Number.TryFormat(digits, out digitCount, default, System.Globalization.CultureInfo.InvariantCulture);
        }

        ReadOnlySpan<byte> a = first, separator = ""u8, b = last;
        switch (style)
        {
            case Style.FirstDotLast or Style.FirstDotLastNumber:
                separator = "."u8;
                break;
            case Style.FirstUnderscoreLast:
                separator = "_"u8;
                break;
            case Style.LastDotFirst:
                a = last;
                separator = "."u8;
                b = first;
                break;
            case Style.InitialLast:
                a = first[..1];
                break;
            case Style.FirstInitial:
                b = last[..1];
                break;
        }

        // Folded names hold letters only, so the trailing digits are the row number's alone.
        var over = a.Length + separator.Length + b.Length + digitCount - budget;
        if (over > 0)
        {
            // Too long for the column: an initial instead of the first name, then a shorter last name.
            var cutA = Math.Min(over, a.Length - 1);
            a = a[..(a.Length - cutA)];
            over -= cutA;
            if (over > 0)
            {
                var cutB = Math.Min(over, b.Length - 1);
                b = b[..(b.Length - cutB)];
                over -= cutB;
            }

            if (over > 0)
            {
                separator = ""u8;
                over -= 1;
            }

            if (over > 0)
            {
                throw new GenerationException(
                    "22001",
                    $"cannot fit an address or username for row {row + 1} into {budget} characters",
                    "Widen the column, or give it a generator in gendb.yaml.");
            }
        }

        output.Append(a).Append(separator).Append(b).Append(digits[..digitCount]);
    }
}
