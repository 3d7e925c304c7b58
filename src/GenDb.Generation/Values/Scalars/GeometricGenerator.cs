using GenDb.Generation.Randomness;

namespace GenDb.Generation.Values.Scalars;

/// <summary>The geometric types (PostgreSQL docs, 8.8).</summary>
internal enum GeometricKind
{
    Point,
    Line,
    Segment,
    Box,
    Path,
    Polygon,
    Circle,
}

/// <summary>
/// Geometric values with coordinates of one decimal between -1000 and 1000. Only points can be
/// unique by construction (x is the row number); the other types have no equality a UNIQUE index
/// could use anyway.
/// </summary>
internal sealed class GeometricGenerator(GeometricKind kind, bool unique) : IValueGenerator
{
    public bool IsUnique => unique && kind == GeometricKind.Point;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        switch (kind)
        {
            case GeometricKind.Point when IsUnique:
                output.Append((byte)'(').Append(row).Append((byte)',');
                WriteCoordinate(output, ref rng);
                output.Append((byte)')');
                break;
            case GeometricKind.Point:
                WritePoint(output, ref rng);
                break;
            case GeometricKind.Line:
                // {A,B,C}: Ax + By + C = 0, with A never zero so A and B are not both zero.
                output.Append((byte)'{').Append(1 + (long)rng.NextBelow(9)).Append((byte)',');
                WriteCoordinate(output, ref rng);
                output.Append((byte)',');
                WriteCoordinate(output, ref rng);
                output.Append((byte)'}');
                break;
            case GeometricKind.Segment:
                output.Append((byte)'[');
                WritePoints(output, ref rng, 2);
                output.Append((byte)']');
                break;
            case GeometricKind.Box:
                WritePoints(output, ref rng, 2);
                break;
            case GeometricKind.Path:
                var closed = rng.Chance(0.5);
                output.Append(closed ? (byte)'(' : (byte)'[');
                WritePoints(output, ref rng, 2 + (int)rng.NextBelow(3));
                output.Append(closed ? (byte)')' : (byte)']');
                break;
            case GeometricKind.Polygon:
                output.Append((byte)'(');
                WritePoints(output, ref rng, 3 + (int)rng.NextBelow(3));
                output.Append((byte)')');
                break;
            default:
                output.Append((byte)'<');
                WritePoint(output, ref rng);
                output.Append((byte)',');
                WriteTenths(output, 1 + (long)rng.NextBelow(1000));
                output.Append((byte)'>');
                break;
        }
    }

    private static void WritePoints(ValueBuilder output, ref Rng rng, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                output.Append((byte)',');
            }

            WritePoint(output, ref rng);
        }
    }

    private static void WritePoint(ValueBuilder output, ref Rng rng)
    {
        output.Append((byte)'(');
        WriteCoordinate(output, ref rng);
        output.Append((byte)',');
        WriteCoordinate(output, ref rng);
        output.Append((byte)')');
    }

    private static void WriteCoordinate(ValueBuilder output, ref Rng rng) => WriteTenths(output, rng.NextInclusive(-10_000, 10_000));

    private static void WriteTenths(ValueBuilder output, long tenths)
    {
        if (tenths < 0)
        {
            output.Append((byte)'-');
            tenths = -tenths;
        }

        output.Append(tenths / 10).Append((byte)'.').Append((byte)('0' + (tenths % 10)));
    }
}
