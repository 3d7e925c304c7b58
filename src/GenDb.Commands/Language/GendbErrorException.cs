namespace GenDb.Commands;

/// <summary>
/// Carries a <see cref="GendbError"/> out of the recursive lexer and parser to
/// <see cref="GendbCallParser.Parse"/>, which turns it back into a result. Never escapes the library.
/// </summary>
internal sealed class GendbErrorException(GendbError error) : Exception(error.Message)
{
    public GendbError Error { get; } = error;
}
