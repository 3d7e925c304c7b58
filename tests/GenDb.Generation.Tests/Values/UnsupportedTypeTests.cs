using GenDb.Generation.Constraints;
using GenDb.Generation.Values;
using GenDb.Schema;

namespace GenDb.Generation.Tests.Values;

/// <summary>A type without a generator is an error that names the column and the type, and says what to do.</summary>
public sealed class UnsupportedTypeTests
{
    [Fact]
    public void ForColumn_UserBaseType_Throws0A000NamingColumnAndType()
    {
        var column = ValueTestKit.Column("shape", "public.geometry", new TypeReference(42, "public", "geometry", TypeKind.Base));
        var table = ValueTestKit.Table(column);

        var error = Assert.Throws<GenerationException>(() => ValueGenerators.ForColumn(table, column, ValueTestKit.Model(table), ColumnRules.None, unique: false));

        Assert.Equal("0A000", error.SqlState);
        Assert.Equal("cannot generate values for column \"shape\" of table public.sample: type public.geometry is not supported", error.Message);
        Assert.Equal("Exclude the table, or give the column a generator in gendb.yaml; a nullable column is filled with NULLs.", error.Hint);
        Assert.Equal("public.sample", error.Table);
        Assert.Equal("shape", error.Column);
    }

    [Theory]
    [InlineData("tsm_handler", "tsm_handler", TypeKind.Pseudo)]
    [InlineData("aclitem", "aclitem", TypeKind.Base)]
    [InlineData("int2vector", "int2vector", TypeKind.Base)]
    [InlineData("regclass", "regclass", TypeKind.Base)]
    public void ForColumn_BuiltInWithoutGenerator_Throws0A000(string typeSql, string name, TypeKind kind)
    {
        var column = ValueTestKit.Column("c", typeSql, ValueTestKit.BuiltIn(name, kind));
        var table = ValueTestKit.Table(column);

        var error = Assert.Throws<GenerationException>(() => ValueGenerators.ForColumn(table, column, ValueTestKit.Model(table), ColumnRules.None, unique: false));

        Assert.Equal("0A000", error.SqlState);
        Assert.Contains($"type {typeSql} is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForColumn_CompositeWithUnsupportedAttribute_NamesTheAttributeTypeAndTheColumnType()
    {
        var holder = new CompositeTypeModel("public", "holder", 7, null,
        [
            new CompositeAttribute("id", 1, "integer", ValueTestKit.BuiltIn("int4"), null),
            new CompositeAttribute("acl", 2, "aclitem", ValueTestKit.BuiltIn("aclitem"), null),
        ]);
        var column = ValueTestKit.Column("h", "public.holder", new TypeReference(7, "public", "holder", TypeKind.Composite));
        var table = ValueTestKit.Table(column);

        var error = Assert.Throws<GenerationException>(() => ValueGenerators.ForColumn(table, column, ValueTestKit.Model(table, holder), ColumnRules.None, unique: false));

        Assert.Contains("type aclitem (in public.holder) is not supported", error.Message, StringComparison.Ordinal);
        Assert.Equal("h", error.Column);
    }

    [Fact]
    public void ForColumn_ArrayOfUnsupportedType_Throws()
    {
        var column = ValueTestKit.Column("acls", "aclitem[]", ValueTestKit.BuiltIn("_aclitem"), ValueTestKit.BuiltIn("aclitem"));
        var table = ValueTestKit.Table(column);

        var error = Assert.Throws<GenerationException>(() => ValueGenerators.ForColumn(table, column, ValueTestKit.Model(table), ColumnRules.None, unique: false));

        Assert.Contains("type aclitem (in aclitem[])", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForColumn_DomainMissingFromModel_Throws()
    {
        var column = ValueTestKit.Column("d", "ext.some_domain", new TypeReference(9, "ext", "some_domain", TypeKind.Domain));
        var table = ValueTestKit.Table(column);

        var error = Assert.Throws<GenerationException>(() => ValueGenerators.ForColumn(table, column, ValueTestKit.Model(table), ColumnRules.None, unique: false));

        Assert.Equal("0A000", error.SqlState);
    }

    [Fact]
    public void TryForColumn_Unsupported_FalseWithTheError()
    {
        var column = ValueTestKit.Column("shape", "public.geometry", new TypeReference(42, "public", "geometry", TypeKind.Base));
        var table = ValueTestKit.Table(column);

        var ok = ValueGenerators.TryForColumn(table, column, ValueTestKit.Model(table), ColumnRules.None, unique: false, out var generator, out var error);

        Assert.False(ok);
        Assert.Null(generator);
        Assert.Equal("0A000", error!.SqlState);
    }

    [Fact]
    public void TryForColumn_Supported_TrueWithAGenerator()
    {
        var column = ValueTestKit.Column("n", "integer", ValueTestKit.BuiltIn("int4"));
        var table = ValueTestKit.Table(column);

        var ok = ValueGenerators.TryForColumn(table, column, ValueTestKit.Model(table), ColumnRules.None, unique: true, out var generator, out var error);

        Assert.True(ok);
        Assert.Null(error);
        Assert.True(generator!.IsUnique);
    }
}
