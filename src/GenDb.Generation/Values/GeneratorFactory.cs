using GenDb.Generation.Constraints;
using GenDb.Generation.Values.Linear;
using GenDb.Generation.Values.Structured;
using GenDb.Generation.Values.Text;
using GenDb.Schema;

namespace GenDb.Generation.Values;

/// <summary>
/// Builds the generator for one type, recursing through arrays, domains, composites and ranges.
/// Every generator it returns writes the type's text input form and honours the rules it was given.
/// </summary>
internal sealed partial class GeneratorFactory(DatabaseModel model, GenerationTarget target)
{
    /// <summary>Nesting beyond this (a domain of an array of a composite of ...) is not followed.</summary>
    private const int MaxDepth = 16;

    public IValueGenerator Create(TypeReference type, string typeSql, TypeReference? element, RuleSet rules, bool unique, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw target.Unsupported(typeSql);
        }

        if (element is null && TypeModifier.IsArraySql(typeSql) && type.Name.StartsWith('_'))
        {
            element = ElementOf(type);
        }

        if (element is not null)
        {
            return WithListRules(CreateArray(type, typeSql, element, unique, depth), rules, fits: null);
        }

        return type.Kind switch
        {
            TypeKind.Domain => CreateDomain(type, typeSql, rules, unique, depth),
            TypeKind.Enum => CreateEnum(type, typeSql, rules, unique),
            TypeKind.Composite => WithListRules(CreateComposite(type, typeSql, unique, depth), rules, fits: null),
            TypeKind.Range => WithListRules(CreateRange(type, typeSql, unique, multirange: false, depth), rules, fits: null),
            TypeKind.Multirange => WithListRules(CreateRange(type, typeSql, unique, multirange: true, depth), rules, fits: null),
            TypeKind.Base => CreateBase(type, typeSql, rules, unique),
            _ => throw target.Unsupported(typeSql),
        };
    }

    private IValueGenerator CreateArray(TypeReference type, string typeSql, TypeReference element, bool unique, int depth)
    {
        var elementSql = TypeModifier.ElementSql(typeSql);
        var random = Create(element, elementSql, null, RuleSet.None, unique: false, depth + 1);
        IValueGenerator? first = null;
        if (unique)
        {
            var candidate = Create(element, elementSql, null, RuleSet.None, unique: true, depth + 1);
            first = candidate.IsUnique ? candidate : null;
        }

        // box is the one built-in type whose array delimiter is not a comma (pg_type.typdelim).
        var delimiter = element.IsBuiltIn && element.Name == "box" ? (byte)';' : (byte)',';
        return new ArrayGenerator(random, first, delimiter);
    }

    private IValueGenerator CreateDomain(TypeReference type, string typeSql, RuleSet rules, bool unique, int depth)
    {
        if (model.FindType(type.Schema, type.Name) is not DomainTypeModel domain)
        {
            throw target.Unsupported(typeSql);
        }

        foreach (var check in domain.Checks)
        {
            rules = rules.With(CheckReader.ReadDomain(check.Definition).For(CheckReader.DomainValue));
        }

        return Create(domain.BaseType, domain.BaseTypeSql, null, rules, unique, depth + 1);
    }

    private IValueGenerator CreateEnum(TypeReference type, string typeSql, RuleSet rules, bool unique)
    {
        if (model.FindType(type.Schema, type.Name) is not EnumTypeModel { Labels.Count: > 0 } enumType)
        {
            throw target.Unsupported(typeSql);
        }

        return CreateLinear(new LabelType(typeSql, enumType.Labels), rules, unique);
    }

    private IValueGenerator CreateComposite(TypeReference type, string typeSql, bool unique, int depth)
    {
        IEnumerable<(TypeReference Type, string TypeSql, TypeReference? Element)> attributes;
        if (model.FindType(type.Schema, type.Name) is CompositeTypeModel composite)
        {
            attributes = composite.Attributes.OrderBy(a => a.Position).Select(a => (a.Type, a.TypeSql, (TypeReference?)null));
        }
        else if (model.FindTable(type.Schema, type.Name) is { } table)
        {
            // A table's row type: its columns in order.
            attributes = table.Columns.Select(c => (c.Type, c.TypeSql, c.ElementType));
        }
        else
        {
            throw target.Unsupported(typeSql);
        }

        var fields = new List<IValueGenerator>();
        var needUnique = unique;
        foreach (var (attributeType, attributeSql, element) in attributes)
        {
            var field = Create(attributeType, attributeSql, element, RuleSet.None, needUnique, depth + 1);
            needUnique &= !field.IsUnique;
            fields.Add(field);
        }

        return new CompositeGenerator([.. fields]);
    }

    private IValueGenerator CreateRange(TypeReference type, string typeSql, bool unique, bool multirange, int depth)
    {
        var subtype = RangeSubtype(type, multirange, depth) ?? throw target.Unsupported(typeSql);
        var lowers = LinearDomain.Build(subtype, RuleSet.None);
        unique &= subtype.CanBeUnique;
        return multirange
            ? new MultirangeGenerator(subtype, lowers, unique, target)
            : new RangeGenerator(subtype, lowers, unique, target);
    }

    /// <summary>The element type of an array type named <c>_name</c>.</summary>
    private TypeReference? ElementOf(TypeReference arrayType)
    {
        var name = arrayType.Name[1..];
        return model.FindType(arrayType.Schema, name) switch
        {
            EnumTypeModel t => new TypeReference(t.Oid, t.Schema, t.Name, TypeKind.Enum),
            DomainTypeModel t => new TypeReference(t.Oid, t.Schema, t.Name, TypeKind.Domain),
            CompositeTypeModel t => new TypeReference(t.Oid, t.Schema, t.Name, TypeKind.Composite),
            RangeTypeModel t => new TypeReference(t.Oid, t.Schema, t.Name, TypeKind.Range),
            _ when model.FindTable(arrayType.Schema, name) is not null => new TypeReference(0, arrayType.Schema, name, TypeKind.Composite),
            _ when model.Types.OfType<RangeTypeModel>().Any(r => r.Multirange == new QualifiedName(arrayType.Schema, name)) =>
                new TypeReference(0, arrayType.Schema, name, TypeKind.Multirange),
            _ => new TypeReference(0, arrayType.Schema, name, BuiltInKind(name)),
        };
    }

    private static TypeKind BuiltInKind(string name) => name switch
    {
        "int4range" or "int8range" or "numrange" or "daterange" or "tsrange" or "tstzrange" => TypeKind.Range,
        "int4multirange" or "int8multirange" or "nummultirange" or "datemultirange" or "tsmultirange" or "tstzmultirange" => TypeKind.Multirange,
        _ => TypeKind.Base,
    };

    /// <summary>
    /// Allowed values (which alone satisfy the rules they come from) replace the generator;
    /// forbidden values are filtered out where the generator does not leave them out itself.
    /// </summary>
    private static IValueGenerator WithListRules(IValueGenerator generator, RuleSet rules, Func<string, bool>? fits)
    {
        if (rules.AllowedValues is { Count: > 0 } allowed)
        {
            var usable = allowed.Where(v => !rules.ForbiddenValues.Contains(v, StringComparer.Ordinal) && (fits?.Invoke(v) ?? true)).ToList();

            // When no listed value fits, PostgreSQL is left to reject them and say why.
            return new AllowedValuesGenerator(usable.Count > 0 ? usable : allowed);
        }

        return rules.ForbiddenValues.Count > 0 && generator is not (LinearGenerator or TextGenerator)
            ? new ForbiddenValuesFilter(generator, rules.ForbiddenValues)
            : generator;
    }
}
