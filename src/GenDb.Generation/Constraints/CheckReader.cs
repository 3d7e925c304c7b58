namespace GenDb.Generation.Constraints;

/// <summary>
/// Reads CHECK constraint definitions as pg_get_constraintdef prints them
/// (<c>CHECK ((price &gt;= (0)::numeric))</c>) into <see cref="CheckAnalysis"/>.
/// </summary>
public static class CheckReader
{
    /// <summary>The key a domain CHECK's <c>VALUE</c> is reported under.</summary>
    public const string DomainValue = "VALUE";

    /// <summary>A table CHECK constraint's definition.</summary>
    public static CheckAnalysis Read(string definition) => CheckAnalysis.NotUnderstood;

    /// <summary>A domain CHECK constraint's definition; rules land under <see cref="DomainValue"/>.</summary>
    public static CheckAnalysis ReadDomain(string definition) => CheckAnalysis.NotUnderstood;
}
