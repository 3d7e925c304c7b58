using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics.Data;

namespace GenDb.Generation.Semantics.Entities;

/// <summary>
/// The person of one row: gender, names and how they write their email address. Every column of
/// the table that belongs to the person (first name, last name, email, username, gender)
/// computes the same person from the row, so they agree.
/// </summary>
internal readonly struct Person
{
    private Person(bool female, int first, int middle, int last, int style, int domain, int number, int salutation)
    {
        Female = female;
        First = first;
        Middle = middle;
        Last = last;
        Style = style;
        Domain = domain;
        Number = number;
        Salutation = salutation;
    }

    public bool Female { get; }

    public int First { get; }

    public int Middle { get; }

    public int Last { get; }

    /// <summary>0..99: which way of writing an email address or username this person uses.</summary>
    public int Style { get; }

    public int Domain { get; }

    /// <summary>0..99: the digits some people add to their addresses.</summary>
    public int Number { get; }

    public int Salutation { get; }

    public static Person Of(PersonSource source, long row)
    {
        var rng = RowSeed.For(source.Key, row);
        var data = source.Data;
        var female = rng.NextBelow(2) == 0;
        var firsts = female ? data.FemaleFirstNames : data.MaleFirstNames;
        var first = firsts.Pick(ref rng);
        var middle = firsts.Pick(ref rng);
        var last = (female ? data.FemaleLastNames : data.LastNames).Pick(ref rng);
        var style = (int)rng.NextBelow(100);
        var domain = source.Domains.Pick(ref rng);
        var number = (int)rng.NextBelow(100);
        var salutation = (int)rng.NextBelow(100);
        return new Person(female, first, middle, last, style, domain, number, salutation);
    }
}

/// <summary>Where the people of one table and role come from.</summary>
internal sealed class PersonSource(LocaleData data, ulong key, WordList domains)
{
    public LocaleData Data { get; } = data;

    public ulong Key { get; } = key;

    public WordList Domains { get; } = domains;

    public WordList FirstNames(in Person person) => person.Female ? Data.FemaleFirstNames : Data.MaleFirstNames;

    public WordList LastNames(in Person person) => person.Female ? Data.FemaleLastNames : Data.LastNames;

    public ReadOnlySpan<byte> FirstName(in Person person) => FirstNames(person)[person.First];

    public ReadOnlySpan<byte> MiddleName(in Person person) => FirstNames(person)[person.Middle];

    public ReadOnlySpan<byte> LastName(in Person person) => LastNames(person)[person.Last];

    /// <summary>The first name folded to lowercase ASCII; <c>user</c> when nothing is left (a name in kanji).</summary>
    public ReadOnlySpan<byte> FoldedFirst(in Person person) => OrDefault(FirstNames(person).Folded(person.First), "user"u8);

    public ReadOnlySpan<byte> FoldedLast(in Person person) => OrDefault(LastNames(person).Folded(person.Last), "name"u8);

    private static ReadOnlySpan<byte> OrDefault(ReadOnlySpan<byte> folded, ReadOnlySpan<byte> fallback) => folded.IsEmpty ? fallback : folded;
}
