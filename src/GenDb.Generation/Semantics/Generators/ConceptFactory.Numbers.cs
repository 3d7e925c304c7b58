using GenDb.Generation.Semantics.Columns;
using GenDb.Generation.Semantics.Detection;
using GenDb.Generation.Semantics.Entities;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Generators;

/// <summary>Quantities and the row's timeline.</summary>
internal sealed partial class ConceptFactory
{
    /// <summary>Largest magnitude written to float, money and unconstrained numeric columns, in units.</summary>
    private const long OpenMagnitude = 1_000_000_000_000_000;

    private static readonly (long Value, int Weight)[] Quantities =
        [.. Enumerable.Range(1, 20).Select(k => ((long)k, 1000 / (k * k)))];

    private static readonly (long Value, int Weight)[] Stars = [(1, 5), (2, 8), (3, 17), (4, 35), (5, 35)];

    /// <summary>Discounts shops give, in basis points (hundredths of a percent): mostly none or round numbers.</summary>
    private static readonly (long BasisPoints, int Weight)[] Discounts = [(0, 30), (500, 20), (1000, 25), (1500, 10), (2000, 10), (2500, 3), (3000, 2)];

    /// <summary>Sales tax and VAT rates in use (US states, the EU, Canada, Australia, Brazil, Japan), in basis points.</summary>
    private static readonly (long BasisPoints, int Weight)[] TaxRates =
    [
        (0, 2), (500, 8), (600, 6), (700, 7), (750, 3), (800, 7), (825, 4), (875, 2), (1000, 10), (1200, 3), (1300, 4), (1500, 5),
        (1700, 3), (1900, 9), (2000, 12), (2100, 6), (2200, 3), (2300, 3), (2500, 3),
    ];

    /// <summary>Sales commissions, in basis points: round numbers around five to fifteen percent.</summary>
    private static readonly (long BasisPoints, int Weight)[] CommissionRates =
        [(250, 5), (300, 5), (500, 20), (750, 8), (1000, 25), (1200, 5), (1500, 15), (2000, 10), (2500, 4), (3000, 3)];

    private static readonly (long Value, int Weight)[] RentalDays = [(3, 20), (4, 20), (5, 25), (6, 20), (7, 15)];

    /// <summary>The values a number column allows, in units of 10^-<paramref name="scale"/>; null when its bounds cannot be read.</summary>
    private UnitSet? NumberRange(int scale)
    {
        UnitSet type;
        switch (Shape.Kind)
        {
            case ValueKind.Integer:
                type = UnitSet.Range(Shape.IntegerMin, Shape.IntegerMax);
                break;
            case ValueKind.Numeric when Shape.Precision is { } precision:
                var integerDigits = precision - (Shape.Scale ?? 0) + scale;
                var limit = integerDigits >= 18 ? OpenMagnitude : Literal.Pow10(Math.Max(0, integerDigits)) - 1;
                type = UnitSet.Range(-limit, limit);
                break;
            default:
                type = UnitSet.Range(-OpenMagnitude, OpenMagnitude);
                break;
        }

        var position = RuleView.NumberPosition(scale);
        if (_f.Rules.Units(position) is not { } rules)
        {
            return null;
        }

        var allowed = type.Intersect(rules);
        foreach (var forbidden in _f.Rules.Forbidden)
        {
            if (position(forbidden) is { } at && at == decimal.Truncate(at) && at >= long.MinValue && at <= long.MaxValue)
            {
                allowed = allowed.Without((long)at);
            }
        }

        return allowed;
    }

    /// <summary>Digits after the point: what the concept wants, no more than the column keeps.</summary>
    private int ScaleFor(int wanted) => Math.Min(wanted, Shape.MaxScale);

    private IValueGenerator? Number(ConceptMatch d)
    {
        if (d.Concept == Concept.Duration && d.Variant == "interval")
        {
            return Duration(d.Variant);
        }

        if (!Shape.IsNumber)
        {
            return null;
        }

        var person = _f.TableIs("customer", "user", "person", "employee", "staff", "member", "patient", "student", "athlete", "player");
        var discount = _f.HasAny("discount", "rebate");
        return d.Concept switch
        {
            Concept.Amount => Shaped(new DecadeShape(Unit(2)), 1, 5_000, 2),
            Concept.Price when Shape.MaxScale >= 2 => Shaped(new PriceShape(Unit(2)), 0.5m, 2_000, 2),
            Concept.Price => Shaped(new DecadeShape(1), 1, 2_000, 0),
            Concept.Salary => Shaped(new RoundedShape(NumberShape.Low, 100 * Unit(2)), 25_000, 250_000, 2),
            Concept.Quantity when d.Variant == "stock" => Shaped(NumberShape.Low, 0, 500, 0),
            Concept.Quantity => Shaped(new WeightedShape(1, Quantities), 1, 20, 0),
            Concept.Rating when Shape.MaxScale >= 1 => Shaped(NumberShape.High, 1, 5, 1),
            Concept.Rating => Shaped(new WeightedShape(1, Stars), 1, 5, 0),
            Concept.Score => Shaped(NumberShape.Middle, 0, 100, 0),
            Concept.Percentage when d.Variant is "tax rate" or "interest rate" or "commission rate" or "discount" => Rate(d.Variant),
            Concept.Percentage when Fraction(d.Variant) => Shaped(discount ? NumberShape.Low : NumberShape.Uniform, 0, 1, 4),
            Concept.Percentage => Shaped(NumberShape.Uniform, 0, 100, 2),
            Concept.Year when d.Variant == "birth year" => Age(birthYear: true),
            Concept.Year => Shaped(NumberShape.High, ReferenceYear - (d.Variant == "release" ? 75 : 30), ReferenceYear, 0),
            Concept.Age => Age(birthYear: false),
            Concept.Duration => Duration(d.Variant),
            Concept.FileSize when d.Variant == "media" => Media(bytes: true, 1),
            Concept.FileSize when _f.NeighbourHas("mime", "filename", "extension") || _f.NeighbourHasPhrase("file", "name") => FileSize(),
            Concept.FileSize => Shaped(new DecadeShape(1), 1_000, 50_000_000, 0),
            Concept.Count => Shaped(new DecadeShape(1), 1, 100_000, 0),
            Concept.Weight when person => Shaped(NumberShape.Middle, 45, 120, 1),
            Concept.Weight => Shaped(new DecadeShape(Unit(2)), 0.1m, 100, 2),
            Concept.Height when person => Shaped(NumberShape.Middle, 150, 200, 0),
            Concept.Height or Concept.Measure => Shaped(new DecadeShape(Unit(2)), 1, 1_000, 2),
            Concept.SortOrder => NumberRange(0)?.Intersect(1, long.MaxValue) is { IsEmpty: false } positions ? new SortOrderGenerator(positions, Unique) : null,
            _ => Shaped(NumberShape.Uniform, 1, 100, 0),
        };
    }

    /// <summary>
    /// A percentage written as a fraction (0.25 for 25 %): a ratio by name, or a column whose
    /// integer part holds one digit at most, so that 25 would not fit (<c>numeric(4,4)</c>, <c>numeric(3,2)</c>).
    /// </summary>
    private bool Fraction(string? variant) =>
        variant == "ratio" || _f.HasAny("ratio", "probability", "share") || Shape.Precision is { } p && p - (Shape.Scale ?? 0) <= 1;

    /// <summary>
    /// Tax, interest, commission and discount rates: 0 to 30 %, as 0.00–0.30 in a fraction column.
    /// Taxes, commissions and discounts take the values in use; interest spreads over 1 to 12 % in quarter points, mostly 4 to 9.
    /// </summary>
    private NumberGenerator? Rate(string? kind)
    {
        var fraction = Fraction(kind);
        var scale = ScaleFor(fraction ? 4 : 2);

        // Column units per basis point, as a ratio: a percent with 2 decimals counts basis points, a fraction with 2 counts whole percents.
        var unitsPerPoint = Literal.Pow10(scale);
        var pointsPerUnit = fraction ? 10_000L : 100L;
        var top = fraction ? 0.30m : 30m;
        if (kind == "interest rate")
        {
            var quarter = Math.Max(1, unitsPerPoint * 25 / pointsPerUnit);
            return Shaped(new RoundedShape(NumberShape.Middle, quarter), top / 30, top * 0.4m, fraction ? 4 : 2);
        }

        var table = kind switch
        {
            "tax rate" => TaxRates,
            "commission rate" => CommissionRates,
            _ => Discounts,
        };

        // Only the rates the column can write exactly: 8.25 % is left out of a whole-percent column.
        var values = table
            .Where(t => t.BasisPoints * unitsPerPoint % pointsPerUnit == 0)
            .Select(t => (t.BasisPoints * unitsPerPoint / pointsPerUnit, t.Weight))
            .ToArray();
        return Shaped(new WeightedShape(1, values), 0, top, fraction ? 4 : 2);
    }

    private int ReferenceYear => _options.ReferenceTime.UtcDateTime.Year;

    private long Unit(int wanted) => Literal.Pow10(ScaleFor(wanted));

    /// <summary>A shape over [<paramref name="lo"/>, <paramref name="hi"/>] written with up to <paramref name="wantedScale"/> decimals.</summary>
    private NumberGenerator? Shaped(NumberShape shape, decimal lo, decimal hi, int wantedScale)
    {
        var scale = ScaleFor(wantedScale);
        var unit = Literal.Pow10(scale);
        if (NumberRange(scale) is not { } allowed)
        {
            return null;
        }

        var window = new UnitWindow((long)decimal.Ceiling(lo * unit), (long)decimal.Floor(hi * unit), allowed);
        return window.IsEmpty ? null : new NumberGenerator(shape, window, scale);
    }

    private IValueGenerator? Age(bool birthYear)
    {
        if (NumberRange(0) is not { } allowed)
        {
            return null;
        }

        var window = birthYear
            ? new UnitWindow(ReferenceYear - 100, ReferenceYear - 18, allowed)
            : new UnitWindow(18, 90, allowed);
        return window.IsEmpty ? null : new AgeGenerator(Timeline(), window, birthYear);
    }

    private IValueGenerator? Duration(string? unit) => unit switch
    {
        "interval" => Shape.Kind == ValueKind.Interval && !_f.Rules.HasBounds ? new IntervalGenerator() : null,
        "milliseconds" when MediaTable() => Media(bytes: false, 1),
        "milliseconds" => Shaped(new DecadeShape(1), 1, 60_000, 0),
        "seconds" when MediaTable() => Media(bytes: false, 1_000),
        "seconds" => Shaped(new DecadeShape(1), 1, 86_400, 0),
        "minutes" when _f.TableIs("film", "movie", "episode", "video", "show") => Shaped(NumberShape.Middle, 46, 185, 0),
        "minutes" => Shaped(NumberShape.Low, 1, 240, 0),
        "hours" => Shaped(NumberShape.Low, 1, 12, 0),
        "days" when _f.HasAny("rental", "loan", "lease", "hire") => Shaped(new WeightedShape(1, RentalDays), 1, 14, 0),
        "days" => Shaped(NumberShape.Low, 1, 30, 0),
        _ => null,
    };

    private bool MediaTable() => _f.TableIs("track", "song", "recording", "episode", "podcast", "clip", "video")
        || _f.NeighbourHas("bytes", "milliseconds");

    /// <summary>The row's recording: its length (in milliseconds / <paramref name="divisor"/>) or its size in bytes.</summary>
    private IValueGenerator? Media(bool bytes, long divisor)
    {
        if (NumberRange(0) is not { } allowed)
        {
            return null;
        }

        var media = new MediaSource(Key("media", string.Empty));
        var window = bytes
            ? new UnitWindow(90_000 * 16, 480_000 * 40, allowed)
            : new UnitWindow(90_000 / divisor, 480_000 / divisor, allowed);
        if (window.IsEmpty)
        {
            return null;
        }

        return new DerivedNumberGenerator(row => bytes ? media.Of(row).Bytes : media.Of(row).Milliseconds / divisor, window, 0);
    }

    private IValueGenerator? FileSize()
    {
        if (NumberRange(0) is not { } allowed)
        {
            return null;
        }

        var window = new UnitWindow(100, 900_000_000, allowed);
        return window.IsEmpty ? null : new FileGenerator(Key("file", string.Empty), FilePart.Size, unique: false, window);
    }

    private IValueGenerator? Time(ConceptMatch d)
    {
        if (d.Concept == Concept.TimeOfDay)
        {
            return Shape.Kind == ValueKind.Time && !_f.Rules.HasBounds && _f.Rules.Allowed is null ? new TimeOfDayGenerator(d.Variant ?? "daytime") : null;
        }

        if (!Shape.IsInstant)
        {
            return null;
        }

        var point = d.Concept switch
        {
            Concept.BirthDate => TimePoint.Birth,
            Concept.CreatedAt => TimePoint.Created,
            Concept.UpdatedAt => TimePoint.Updated,
            Concept.DeletedAt => TimePoint.Deleted,
            Concept.EndedAt => TimePoint.Ended,
            Concept.MilestoneAt => d.Variant == "due" ? TimePoint.Due : TimePoint.Milestone,
            Concept.ExpiresAt => TimePoint.Expires,
            Concept.LastSeenAt => TimePoint.LastSeen,
            Concept.HireDate => TimePoint.Hire,
            _ => TimePoint.Started,
        };

        var timeline = Timeline();
        var (lo, hi) = TimelineGenerator.NaturalRange(timeline, point);
        var dates = Shape.Kind == ValueKind.Date;
        var position = dates
            ? (Func<string, decimal?>)InstantLiteral.Days
            : literal => InstantLiteral.Seconds(literal, applyOffset: Shape.Kind == ValueKind.TimestampTz);
        if (_f.Rules.Units(position) is not { } allowed)
        {
            return null;
        }

        var window = dates
            ? new UnitWindow(TimelineGenerator.FloorDiv(lo, Entities.Timeline.Day), TimelineGenerator.FloorDiv(hi, Entities.Timeline.Day), allowed)
            : new UnitWindow(lo, hi, allowed);
        return window.IsEmpty ? null : new TimelineGenerator(timeline, point, Shape.Kind, window);
    }
}

/// <summary>Another shape's values rounded down to a step (salaries in hundreds).</summary>
internal sealed class RoundedShape(NumberShape inner, long step) : NumberShape
{
    public override long Sample(ref GenDb.Generation.Randomness.Rng rng, long lo, long hi)
    {
        var value = inner.Sample(ref rng, lo, hi);
        var rounded = value / step * step;
        return rounded >= lo ? rounded : value;
    }
}
