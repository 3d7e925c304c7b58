using System.Diagnostics.CodeAnalysis;

namespace GenDb.Commands;

/// <summary>What <see cref="GendbCallParser.Parse"/> returns: a <see cref="GendbCall"/> or a <see cref="GendbError"/>.</summary>
public sealed class GendbParseResult
{
    private GendbParseResult(GendbCall? call, GendbError? error)
    {
        Call = call;
        Error = error;
    }

    public GendbCall? Call { get; }

    public GendbError? Error { get; }

    [MemberNotNullWhen(true, nameof(Call))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Call is not null;

    public static GendbParseResult Success(GendbCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new(call, null);
    }

    public static GendbParseResult Failure(GendbError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(null, error);
    }

    public override string ToString() => IsSuccess ? Call.ToString() : Error.ToString();
}
