using GenDb.Generation.Values.Linear;
using GenDb.Generation.Values.Scalars;
using GenDb.Generation.Values.Text;
using GenDb.Schema;

namespace GenDb.Generation.Values;

/// <summary>Base types: the built-in ones by pg_type.typname, and the contrib types citext, hstore and ltree.</summary>
internal sealed partial class GeneratorFactory
{
    /// <summary>NAMEDATALEN - 1.</summary>
    private const int NameLength = 63;

    private IValueGenerator CreateBase(TypeReference type, string typeSql, RuleSet rules, bool unique)
    {
        if (!type.IsBuiltIn)
        {
            // Extension types live in the schema the extension was created in.
            return type.Name switch
            {
                "citext" => CreateText(typeSql, null, rules, unique, caseInsensitive: true),
                "hstore" => WithListRules(new DocumentGenerator(DocumentKind.Hstore, unique), rules, fits: null),
                "ltree" => WithListRules(new DocumentGenerator(DocumentKind.Ltree, unique), rules, fits: null),
                _ => throw target.Unsupported(typeSql),
            };
        }

        if (TryLinear(type, typeSql, rules, unique) is { } linear)
        {
            return CreateLinear(linear.Type, linear.Domain, rules, unique);
        }

        switch (type.Name)
        {
            case "text":
                return CreateText(typeSql, null, rules, unique, caseInsensitive: false);
            case "varchar" or "bpchar":
                return CreateText(typeSql, TypeModifier.Single(typeSql), rules, unique, caseInsensitive: false);
            case "name":
                return CreateText(typeSql, NameLength, rules, unique, caseInsensitive: false);
        }

        IValueGenerator generator = type.Name switch
        {
            "uuid" => new UuidGenerator(unique),
            "bytea" => new ByteaGenerator(unique),
            "inet" => new InetGenerator(unique),
            "cidr" => new CidrGenerator(unique),
            "macaddr" => new MacAddressGenerator(6, unique, typeSql, target),
            "macaddr8" => new MacAddressGenerator(8, unique, typeSql, target),
            "bit" => new BitStringGenerator(TypeModifier.Single(typeSql) ?? 1, null, unique, typeSql, target),
            "varbit" => new BitStringGenerator(null, TypeModifier.Single(typeSql), unique, typeSql, target),
            "json" or "jsonb" => new DocumentGenerator(DocumentKind.Json, unique),
            "xml" => new DocumentGenerator(DocumentKind.Xml, unique),
            "jsonpath" => new DocumentGenerator(DocumentKind.JsonPath, unique),
            "tsvector" => new DocumentGenerator(DocumentKind.TsVector, unique),
            "tsquery" => new DocumentGenerator(DocumentKind.TsQuery, unique),
            "point" => new GeometricGenerator(GeometricKind.Point, unique),
            "line" => new GeometricGenerator(GeometricKind.Line, unique),
            "lseg" => new GeometricGenerator(GeometricKind.Segment, unique),
            "box" => new GeometricGenerator(GeometricKind.Box, unique),
            "path" => new GeometricGenerator(GeometricKind.Path, unique),
            "polygon" => new GeometricGenerator(GeometricKind.Polygon, unique),
            "circle" => new GeometricGenerator(GeometricKind.Circle, unique),
            _ => throw target.Unsupported(typeSql),
        };
        return WithListRules(generator, rules, fits: null);
    }

    private IValueGenerator CreateText(string typeSql, int? length, RuleSet rules, bool unique, bool caseInsensitive)
    {
        var text = new TextGenerator(typeSql, length, rules, unique, caseInsensitive, target);
        var min = rules.MinLength ?? 0;
        var max = Math.Min(length ?? int.MaxValue, rules.MaxLength ?? int.MaxValue);
        return WithListRules(text, rules, v => v.Length >= min && v.Length <= max);
    }

    private IValueGenerator CreateLinear(LinearType type, RuleSet rules, bool unique) =>
        CreateLinear(type, LinearDomain.Build(type, rules), rules, unique);

    private IValueGenerator CreateLinear(LinearType type, LinearDomain domain, RuleSet rules, bool unique)
    {
        if (rules.AllowedValues is null && domain.IsEmpty)
        {
            throw target.NoValue(type.TypeSql);
        }

        var generator = new LinearGenerator(type, domain, unique && type.CanBeUnique, target);
        return WithListRules(generator, rules, literal => type.Fits(literal) && (domain.IsEmpty || Within(literal)));

        // A listed value the bounds exclude cannot satisfy the CHECK; one that is not a whole
        // step (or not understood) is given the benefit of the doubt.
        bool Within(string literal) =>
            !type.TryParse(literal, out var steps)
            || steps != decimal.Truncate(steps)
            || steps < long.MinValue || steps > long.MaxValue
            || domain.Contains((long)steps);
    }

    /// <summary>
    /// The linear form of a built-in type, with the allowed steps under <paramref name="rules"/>;
    /// null when the type is not linear. Decimal types try scales from the preferred one to finer
    /// ones until some value fits the bounds, or, for unique values, until enough values fit.
    /// </summary>
    private static (LinearType Type, LinearDomain Domain)? TryLinear(TypeReference type, string typeSql, RuleSet rules, bool unique)
    {
        const ulong EnoughForUnique = 1_000_000;
        if (!type.IsBuiltIn)
        {
            return null;
        }

        (LinearType Type, LinearDomain Domain)? best = null;
        foreach (var candidate in LinearCandidates(type.Name, typeSql, unique))
        {
            var domain = LinearDomain.Build(candidate, rules);
            if (!domain.IsEmpty && (!unique || domain.Count >= EnoughForUnique))
            {
                return (candidate, domain);
            }

            if (best is null || domain.Count > best.Value.Domain.Count)
            {
                best = (candidate, domain);
            }
        }

        return best;
    }

    private static IEnumerable<LinearType> LinearCandidates(string name, string typeSql, bool unique)
    {
        switch (name)
        {
            case "int2":
                yield return IntegerType.Int2(typeSql);
                break;
            case "int4":
                yield return IntegerType.Int4(typeSql);
                break;
            case "int8":
                yield return IntegerType.Int8(typeSql);
                break;
            case "oid":
                yield return IntegerType.Oid(typeSql);
                break;
            case "bool":
                yield return new BoolType(typeSql);
                break;
            case "char":
                yield return new SingleCharType(typeSql);
                break;
            case "money":
                yield return ScaledDecimalType.Money(typeSql);
                break;
            case "date":
                yield return new DateType(typeSql);
                break;
            case "timestamp" or "timestamptz":
                yield return new TimestampType(typeSql, TypeModifier.Single(typeSql), withZone: name == "timestamptz");
                break;
            case "time" or "timetz":
                yield return new TimeType(typeSql, TypeModifier.Single(typeSql), withZone: name == "timetz");
                break;
            case "interval":
                yield return IntervalType.Create(typeSql, TypeModifier.IntervalSmallestField(typeSql), TypeModifier.Single(typeSql));
                break;
            case "pg_lsn":
                yield return new LsnType(typeSql);
                break;
            case "numeric":
                foreach (var scale in NumericScales(typeSql, unique, out var precision, out var typmodScale))
                {
                    yield return ScaledDecimalType.Numeric(typeSql, precision, typmodScale, scale);
                }

                break;
            case "float4" or "float8":
                var single = name == "float4";
                foreach (var scale in FloatScales(single, unique))
                {
                    yield return ScaledDecimalType.Float(typeSql, single, scale);
                }

                break;
        }
    }

    /// <summary>Scales to try for numeric: the preferred one, then finer ones for narrow bounds.</summary>
    private static List<int> NumericScales(string typeSql, bool unique, out int? precision, out int? typmodScale)
    {
        precision = null;
        typmodScale = null;
        if (TypeModifier.TryRead(typeSql, out var p, out var s))
        {
            precision = p;
            typmodScale = s ?? 0;
        }

        if (typmodScale is < 0)
        {
            return [typmodScale.Value];
        }

        if (precision is not { } digits)
        {
            return [.. Enumerable.Range(unique ? 0 : 2, unique ? 19 : 17)];
        }

        // Unique values: whole numbers when at least a million fit, else every digit the type has.
        // Random values: two decimals, or more when the type has fewer integer digits
        // (numeric(3,5) holds only values below 0.001).
        var scale = typmodScale!.Value;
        var preferred = unique
            ? (digits - scale >= 6 ? 0 : scale)
            : Math.Min(scale, Math.Max(2, scale - digits + 3));
        return [.. Enumerable.Range(preferred, scale - preferred + 1)];
    }

    /// <summary>Floats: as numeric, then coarser steps for bounds beyond the digits a float keeps exactly.</summary>
    private static IEnumerable<int> FloatScales(bool single, bool unique)
    {
        var preferred = unique ? 0 : 2;
        var finest = single ? 6 : 15;
        return Enumerable.Range(preferred, finest - preferred + 1).Concat(Enumerable.Range(1, 30).Select(e => -e));
    }

    /// <summary>The linear subtype of a range or multirange type, through domains; null when it is not linear.</summary>
    private LinearType? RangeSubtype(TypeReference rangeType, bool multirange, int depth)
    {
        TypeReference subtype;
        string subtypeSql;
        var builtIn = rangeType.IsBuiltIn ? BuiltInRangeSubtype(rangeType.Name) : null;
        if (builtIn is not null)
        {
            subtype = new TypeReference(0, "pg_catalog", builtIn, TypeKind.Base);
            subtypeSql = builtIn;
        }
        else
        {
            var range = multirange
                ? model.Types.OfType<RangeTypeModel>().FirstOrDefault(r => r.Multirange == rangeType.QualifiedName)
                : model.FindType(rangeType.Schema, rangeType.Name) as RangeTypeModel;
            if (range is null)
            {
                return null;
            }

            subtype = range.Subtype;
            subtypeSql = range.SubtypeSql;
        }

        for (var level = depth; subtype.Kind == TypeKind.Domain && level <= MaxDepth; level++)
        {
            if (model.FindType(subtype.Schema, subtype.Name) is not DomainTypeModel domain)
            {
                return null;
            }

            subtype = domain.BaseType;
            subtypeSql = domain.BaseTypeSql;
        }

        if (subtype.Kind == TypeKind.Enum)
        {
            return model.FindType(subtype.Schema, subtype.Name) is EnumTypeModel { Labels.Count: > 0 } enumType
                ? new LabelType(subtypeSql, enumType.Labels)
                : null;
        }

        return TryLinear(subtype, subtypeSql, RuleSet.None, unique: false)?.Type;
    }

    private static string? BuiltInRangeSubtype(string name) => name switch
    {
        "int4range" or "int4multirange" => "int4",
        "int8range" or "int8multirange" => "int8",
        "numrange" or "nummultirange" => "numeric",
        "daterange" or "datemultirange" => "date",
        "tsrange" or "tsmultirange" => "timestamp",
        "tstzrange" or "tstzmultirange" => "timestamptz",
        _ => null,
    };
}
