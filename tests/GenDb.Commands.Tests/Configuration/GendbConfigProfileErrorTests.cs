using GenDb.Commands.Configuration;

namespace GenDb.Commands.Tests.Configuration;

public sealed class GendbConfigProfileErrorTests
{
    private const string Path = "conf/gendb.yaml";

    // Lines 1 to 3; the column under test starts line 4.
    private const string Columns = "tables:\n  users:\n    columns:\n";

    private const string OneOf = Columns + "      s:\n        generator: one_of\n        values: [a, b]\n";

    [Theory]
    // Top level and tables.
    [InlineData("tabels:\n  users: {}\n", 1, 1, "unknown setting 'tabels'", "known: column_rules, default_rows, email_domains, locale, routes, seed, tables")]
    [InlineData("tables: [users]\n", 1, 9, "tables is a mapping", "not a list")]
    [InlineData("column_rules: [a]\n", 1, 15, "column_rules is a mapping", "not a list")]
    [InlineData("tables:\n  users:\n    colums: {}\n", 3, 5, "unknown setting 'colums' of table 'users'", "known: columns, rows")]
    [InlineData("tables:\n  users:\n    rows: abc\n", 3, 11, "rows takes a whole number, not 'abc'")]
    [InlineData("tables:\n  users:\n    rows: -1\n", 3, 11, "rows must not be negative")]
    [InlineData("tables:\n  users:\n    columns: [a]\n", 3, 14, "columns of table 'users' is a mapping", "not a list")]
    [InlineData("tables:\n  users: 5\n", 2, 10, "the settings of table 'users' are a mapping with columns and rows", "not '5'")]
    [InlineData("tables:\n  ? [a]\n  : {}\n", 2, 5, "a key must be a name")]
    // Table names.
    [InlineData("tables:\n  a.b.c: {}\n", 2, 3, "table name 'a.b.c' must be table or schema.table", "at most one dot")]
    [InlineData("tables:\n  .users: {}\n", 2, 3, "table name '.users' must be table or schema.table", "no empty parts")]
    [InlineData("tables:\n  'public.': {}\n", 2, 3, "table name 'public.' must be table or schema.table")]
    [InlineData("tables:\n  'sales.*': {}\n", 2, 3, "table name 'sales.*' must name one table, not a pattern", "column_rules")]
    // Duplicates.
    [InlineData("tables:\n  users: {}\n  users: {}\n", 3, 3, "'users'", "twice")]
    [InlineData("tables:\n  users: {}\n  'users': {}\n", 3, 3, "'users'", "twice")]
    [InlineData(Columns + "      email: { unique: true }\n      email: { null_fraction: 0.1 }\n", 5, 7, "'email' is written twice", "merge")]
    [InlineData(Columns + "      email: { unique: true }\n      \"email\": {}\n", 5, 7, "'email'", "twice")]
    [InlineData(Columns + "      c: { unique: true, unique: false }\n", 4, 26, "'unique' is written twice")]
    // Column settings.
    [InlineData(Columns + "      c: text\n", 4, 10, "the settings of column 'users.c' are a mapping", "generator, null_fraction, unique")]
    [InlineData(Columns + "      email:\n        nullfraction: 0.5\n", 5, 9, "unknown setting 'nullfraction' of column 'users.email'", "known: generator, null_fraction, unique")]
    [InlineData(Columns + "      email: { generator: faker, path: a.b, colour: red }\n", 4, 45, "unknown setting 'colour' of column 'users.email'", "known: generator, null_fraction, unique, and for faker: path")]
    [InlineData(Columns + "      email:\n        null_fraction: 2\n", 5, 24, "null_fraction takes a number from 0 to 1, not '2'")]
    [InlineData(Columns + "      email:\n        null_fraction: half\n", 5, 24, "null_fraction takes a number (0 to 1), not 'half'")]
    [InlineData(Columns + "      email:\n        unique: maybe\n", 5, 17, "unique takes true or false, not 'maybe'")]
    // Generator names and their keys.
    [InlineData(Columns + "      email: { generator: lorem }\n", 4, 27, "unknown generator 'lorem'", "known: constant, faker, one_of, range, regex, sequence, skip, template")]
    [InlineData(Columns + "      c: { generator: [regex] }\n", 4, 23, "unknown generator a list", "known: constant")]
    [InlineData(Columns + "      c: { generator: ~ }\n", 4, 23, "unknown generator null", "known: constant")]
    [InlineData(Columns + "      c: { generator: regex, pattern: x, values: [a] }\n", 4, 42, "'values' of column 'users.c' is a setting of generator one_of, not of regex", "regex takes pattern")]
    [InlineData(Columns + "      c: { values: [a] }\n", 4, 12, "'values' of column 'users.c' is a setting of generator one_of", "add generator: one_of")]
    [InlineData(Columns + "      c: { generator: skip, path: x }\n", 4, 29, "'path' of column 'users.c' is a setting of generator faker, not of skip", "skip takes no settings of its own")]
    [InlineData(Columns + "      c: { generator: skip, unique: true }\n", 4, 29, "column 'users.c' is skipped", "null_fraction and unique do not apply")]
    // Required keys: the error points at the column's mapping.
    [InlineData(Columns + "      s:\n        generator: one_of\n", 5, 9, "generator one_of of column 'users.s' needs 'values'")]
    [InlineData(Columns + "      code: { generator: regex }\n", 4, 13, "generator regex of column 'users.code' needs 'pattern'")]
    [InlineData(Columns + "      c: { generator: faker }\n", 4, 10, "generator faker of column 'users.c' needs 'path'")]
    [InlineData(Columns + "      c: { generator: template }\n", 4, 10, "generator template of column 'users.c' needs 'template'")]
    [InlineData(Columns + "      c: { generator: range, max: 5 }\n", 4, 10, "generator range of column 'users.c' needs 'min'")]
    [InlineData(Columns + "      c: { generator: range, min: 5 }\n", 4, 10, "generator range of column 'users.c' needs 'max'")]
    [InlineData(Columns + "      c: { generator: constant }\n", 4, 10, "generator constant of column 'users.c' needs 'value'", "null for NULL")]
    // one_of.
    [InlineData(OneOf + "        weights: [1, heavy]\n", 7, 22, "each of weights takes a number (0 or more), not 'heavy'")]
    [InlineData(OneOf + "        weights: [1, 2, 3]\n", 7, 18, "weights has 3 numbers but values has 2", "one weight per value")]
    [InlineData(OneOf + "        weights: heavy\n", 7, 18, "weights takes a list of numbers", "not 'heavy'")]
    [InlineData(OneOf + "        weights: [1, -2]\n", 7, 22, "weights must not be negative, not '-2'")]
    [InlineData(OneOf + "        weights: [0, 0]\n", 7, 18, "weights are all 0")]
    [InlineData(Columns + "      c: { generator: one_of, values: [] }\n", 4, 39, "values takes a list of one or more values", "not an empty list")]
    [InlineData(Columns + "      c: { generator: one_of, values: active }\n", 4, 39, "values takes a list of one or more values", "not 'active'")]
    [InlineData(Columns + "      c: { generator: one_of, values: [a, ~] }\n", 4, 43, "values cannot hold null", "null_fraction")]
    [InlineData(Columns + "      c: { generator: one_of, values: [a, [b]] }\n", 4, 43, "each of values takes a single value", "not a list")]
    // The other generators' values.
    [InlineData(Columns + "      c: { generator: range, min: 1, max: 2, distribution: bell }\n", 4, 60, "unknown distribution 'bell'", "known: uniform, normal, exponential")]
    [InlineData(Columns + "      c: { generator: range, min: [1], max: 2 }\n", 4, 35, "min takes a number, date or timestamp, not a list")]
    [InlineData(Columns + "      c: { generator: regex, pattern: ~ }\n", 4, 39, "pattern takes a regular expression, not null")]
    [InlineData(Columns + "      c: { generator: sequence, step: 0 }\n", 4, 39, "step must not be 0", "constant")]
    [InlineData(Columns + "      c: { generator: sequence, start: one }\n", 4, 40, "start takes a whole number, not 'one'")]
    [InlineData(Columns + "      c: { generator: constant, value: [a] }\n", 4, 40, "value takes a single value (null for NULL), not a list")]
    // column_rules.
    [InlineData("column_rules:\n  'a.b.c': { unique: true }\n", 2, 3, "column rule 'a.b.c' must be a pattern on column names", "at most one dot")]
    [InlineData("column_rules:\n  '*_email': { generator: faker }\n", 2, 14, "generator faker of column rule '*_email' needs 'path'")]
    [InlineData("column_rules:\n  '*_email': { generator: faker, path: x, size: 3 }\n", 2, 43, "unknown setting 'size' of column rule '*_email'")]
    public void Parse_Mistake_ErrorAtLineAndColumnNamingTheValue(string yaml, int line, int column, params string[] mentions) =>
        AssertError(yaml, line, column, mentions);

    /// <summary>These go through <c>GeneratorSpecs.Problem</c>: they pass only once it checks patterns, faker paths and templates.</summary>
    [Theory]
    [InlineData(Columns + "      c: { generator: regex, pattern: '[A-' }\n", "column 'users.c', generator regex: ")]
    [InlineData(Columns + "      c: { generator: faker, path: internet.nope }\n", "column 'users.c', generator faker: ")]
    [InlineData(Columns + "      c: { generator: template, template: '{unclosed' }\n", "column 'users.c', generator template: ")]
    public void Parse_SpecWithProblem_ErrorAtColumnMapping(string yaml, string prefix) =>
        AssertError(yaml, 4, 10, prefix);

    private static void AssertError(string yaml, int line, int column, params string[] mentions)
    {
        var error = Assert.Throws<GendbConfigException>(() => GendbConfig.Parse(yaml, Path));

        Assert.Equal((Path, line, column), (error.Path, error.Line, error.Column));
        Assert.StartsWith($"{Path}:{line}:{column}: ", error.Message, StringComparison.Ordinal);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, error.Message, StringComparison.Ordinal);
        }
    }
}
