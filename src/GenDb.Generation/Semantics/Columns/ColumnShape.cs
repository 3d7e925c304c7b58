using System.Globalization;
using GenDb.Generation.Constraints;
using GenDb.Schema;

namespace GenDb.Generation.Semantics.Columns;

/// <summary>The families of types a concept can write.</summary>
internal enum ValueKind
{
    Unsupported,
    Text,
    Integer,
    Numeric,
    Float,
    Money,
    Date,
    Timestamp,
    TimestampTz,
    Time,
    Interval,
    Bool,
    Uuid,
    Inet,
    MacAddress,
    Enum,
}

/// <summary>
/// A column's type with domains looked through: its family, its limits (varchar length, numeric
/// precision and scale, integer range) and the rules of the domains on the way.
/// </summary>
internal sealed record ColumnShape(ValueKind Kind, string TypeSql)
{
    /// <summary>varchar(n), char(n), name: the most characters a value may have.</summary>
    public int? MaxChars { get; init; }

    /// <summary>numeric(p,s): p; null when unconstrained.</summary>
    public int? Precision { get; init; }

    /// <summary>numeric(p,s): s; null when unconstrained.</summary>
    public int? Scale { get; init; }

    /// <summary>The range of an integer type.</summary>
    public long IntegerMin { get; init; }

    public long IntegerMax { get; init; }

    /// <summary>citext: values compare case-insensitively.</summary>
    public bool CaseInsensitive { get; init; }

    /// <summary>An enum's labels, in order.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The column's rules followed by those of the domains its type goes through.</summary>
    public IReadOnlyList<ColumnRules> Rules { get; init; } = [];

    public bool IsText => Kind == ValueKind.Text;

    /// <summary>A number PostgreSQL reads from digits: integer, numeric, float, money.</summary>
    public bool IsNumber => Kind is ValueKind.Integer or ValueKind.Numeric or ValueKind.Float or ValueKind.Money;

    /// <summary>date, timestamp, timestamptz.</summary>
    public bool IsInstant => Kind is ValueKind.Date or ValueKind.Timestamp or ValueKind.TimestampTz;

    /// <summary>Decimal digits a number may carry after the point (0 for integers).</summary>
    public int MaxScale => Kind switch
    {
        ValueKind.Integer => 0,
        ValueKind.Money => 2,
        ValueKind.Float => 6,
        ValueKind.Numeric => Scale ?? 6,
        _ => 0,
    };

    private const int MaxDomainDepth = 16;

    public static ColumnShape Read(ColumnModel column, DatabaseModel model, ColumnRules rules)
    {
        var allRules = new List<ColumnRules> { rules };
        if (column.IsArray)
        {
            return new ColumnShape(ValueKind.Unsupported, column.TypeSql) { Rules = allRules };
        }

        var type = column.Type;
        var typeSql = column.TypeSql;
        for (var depth = 0; type.Kind == TypeKind.Domain; depth++)
        {
            if (depth > MaxDomainDepth || model.FindType(type.Schema, type.Name) is not DomainTypeModel domain)
            {
                return new ColumnShape(ValueKind.Unsupported, column.TypeSql) { Rules = allRules };
            }

            foreach (var check in domain.Checks)
            {
                allRules.Add(CheckReader.ReadDomain(check.Definition).For(CheckReader.DomainValue));
            }

            type = domain.BaseType;
            typeSql = domain.BaseTypeSql;
        }

        if (type.Kind == TypeKind.Enum)
        {
            var labels = model.FindType(type.Schema, type.Name) is EnumTypeModel e ? e.Labels : [];
            return new ColumnShape(labels.Count > 0 ? ValueKind.Enum : ValueKind.Unsupported, typeSql) { Labels = labels, Rules = allRules };
        }

        if (type.Kind != TypeKind.Base || typeSql.EndsWith("[]", StringComparison.Ordinal))
        {
            return new ColumnShape(ValueKind.Unsupported, typeSql) { Rules = allRules };
        }

        var (first, second) = Modifier(typeSql);
        var shape = (type.IsBuiltIn ? type.Name : "ext:" + type.Name) switch
        {
            "text" => new ColumnShape(ValueKind.Text, typeSql),
            "varchar" => new ColumnShape(ValueKind.Text, typeSql) { MaxChars = first },
            "bpchar" => new ColumnShape(ValueKind.Text, typeSql) { MaxChars = first ?? 1 },
            "name" => new ColumnShape(ValueKind.Text, typeSql) { MaxChars = 63 },
            "ext:citext" => new ColumnShape(ValueKind.Text, typeSql) { CaseInsensitive = true },
            "int2" => new ColumnShape(ValueKind.Integer, typeSql) { IntegerMin = short.MinValue, IntegerMax = short.MaxValue },
            "int4" => new ColumnShape(ValueKind.Integer, typeSql) { IntegerMin = int.MinValue, IntegerMax = int.MaxValue },
            "int8" => new ColumnShape(ValueKind.Integer, typeSql) { IntegerMin = long.MinValue, IntegerMax = long.MaxValue },
            "numeric" when second is null or >= 0 => new ColumnShape(ValueKind.Numeric, typeSql) { Precision = first, Scale = first is null ? null : second ?? 0 },
            "float4" or "float8" => new ColumnShape(ValueKind.Float, typeSql),
            "money" => new ColumnShape(ValueKind.Money, typeSql),
            "date" => new ColumnShape(ValueKind.Date, typeSql),
            "timestamp" => new ColumnShape(ValueKind.Timestamp, typeSql),
            "timestamptz" => new ColumnShape(ValueKind.TimestampTz, typeSql),
            "time" => new ColumnShape(ValueKind.Time, typeSql),
            "interval" when !typeSql.Contains(' ', StringComparison.Ordinal) || typeSql == "interval" => new ColumnShape(ValueKind.Interval, typeSql),
            "bool" => new ColumnShape(ValueKind.Bool, typeSql),
            "uuid" => new ColumnShape(ValueKind.Uuid, typeSql),
            "inet" => new ColumnShape(ValueKind.Inet, typeSql),
            "macaddr" => new ColumnShape(ValueKind.MacAddress, typeSql),
            _ => new ColumnShape(ValueKind.Unsupported, typeSql),
        };
        return shape with { Rules = allRules };
    }

    /// <summary>The numbers in the first parentheses of a type: <c>numeric(10,2)</c> → (10, 2).</summary>
    private static (int? First, int? Second) Modifier(string typeSql)
    {
        var open = typeSql.IndexOf('(', StringComparison.Ordinal);
        var close = open < 0 ? -1 : typeSql.IndexOf(')', open);
        if (close < 0)
        {
            return (null, null);
        }

        var parts = typeSql[(open + 1)..close].Split(',');
        int? Read(int i) => i < parts.Length && int.TryParse(parts[i].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
        return (Read(0), Read(1));
    }
}
