using GenDb.Generation.Constraints;
using GenDb.Generation.Randomness;
using GenDb.Generation.Values;
using GenDb.Schema;

namespace GenDb.Generation.Tests.Values;

/// <summary>The generators the loader calls most allocate nothing per value (millions of rows per table).</summary>
public sealed class AllocationTests
{
    private static readonly EnumTypeModel Mood = new("public", "mood", 1, null, ["sad", "ok", "happy"]);

    public static TheoryData<string, string, bool> HotTypes => new()
    {
        { "integer", "int4", false },
        { "integer", "int4", true },
        { "bigint", "int8", false },
        { "numeric(10,2)", "numeric", false },
        { "numeric", "numeric", true },
        { "text", "text", false },
        { "text", "text", true },
        { "character varying(20)", "varchar", false },
        { "character varying(20)", "varchar", true },
        { "timestamp with time zone", "timestamptz", false },
        { "timestamp with time zone", "timestamptz", true },
        { "date", "date", false },
        { "boolean", "bool", false },
        { "public.mood", "mood", false },
        { "uuid", "uuid", true },
    };

    [Theory]
    [MemberData(nameof(HotTypes))]
    public void Write_ManyValues_NoAllocation(string typeSql, string name, bool unique)
    {
        var type = name == "mood" ? new TypeReference(1, "public", "mood", TypeKind.Enum) : ValueTestKit.BuiltIn(name);
        var column = ValueTestKit.Column("v", typeSql, type);
        var table = ValueTestKit.Table(column);
        var generator = ValueGenerators.ForColumn(table, column, ValueTestKit.Model(table, Mood), ColumnRules.None, unique);
        var output = new ValueBuilder(4096);
        var rng = new Rng(1);
        Run(generator, output, ref rng, 0, 1000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(generator, output, ref rng, 1000, 100_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private static void Run(IValueGenerator generator, ValueBuilder output, ref Rng rng, long from, long to)
    {
        for (var row = from; row < to; row++)
        {
            output.Clear();
            generator.Write(row, ref rng, output);
        }
    }
}
