using GenDb.Generation.Constraints;

namespace GenDb.Generation.Tests.Constraints;

/// <summary>
/// Definitions exactly as pg_get_constraintdef printed them on PostgreSQL 15 (the catalog tests read the
/// same shapes back from a live server).
/// </summary>
public sealed class CheckReaderTests
{
    [Fact]
    public void Read_NumericLowerBound_CastConstantYieldsLiteral()
    {
        var analysis = CheckReader.Read("CHECK ((price >= (0)::numeric))");

        Assert.True(analysis.FullyUnderstood);
        Assert.Equal(new ValueBound("0", Inclusive: true), analysis.For("price").Lower);
        Assert.Null(analysis.For("price").Upper);
    }

    [Fact]
    public void Read_Between_BothBoundsInclusive()
    {
        var rules = ReadExactly("CHECK (((rating >= 1) AND (rating <= 5)))").For("rating");

        Assert.Equal(new ValueBound("1", true), rules.Lower);
        Assert.Equal(new ValueBound("5", true), rules.Upper);
    }

    [Fact]
    public void Read_ConstantFirst_Flipped()
    {
        var rules = ReadExactly("CHECK ((0 < rev))").For("rev");

        Assert.Equal(new ValueBound("0", Inclusive: false), rules.Lower);
        Assert.Null(rules.Upper);
    }

    [Theory]
    [InlineData("CHECK ((neg > '-5'::integer))", "-5")]
    [InlineData("CHECK ((neg > (- 5)))", "-5")]
    [InlineData("CHECK ((neg > '-2.5'::numeric))", "-2.5")]
    [InlineData("CHECK ((neg > ('10000000000'::numeric)::double precision))", "10000000000")]
    [InlineData("CHECK ((neg > (0.1)::double precision))", "0.1")]
    [InlineData("CHECK ((neg > '9223372036854775807'::bigint))", "9223372036854775807")]
    [InlineData("CHECK ((neg > '2000-01-01 00:00:00+00'::timestamp with time zone))", "2000-01-01 00:00:00+00")]
    [InlineData("CHECK ((neg > '2030-01-01 12:00:00'::timestamp without time zone))", "2030-01-01 12:00:00")]
    [InlineData("CHECK ((neg > '2020-01-01'::date))", "2020-01-01")]
    [InlineData("CHECK ((neg > '1 day'::interval))", "1 day")]
    [InlineData("CHECK ((neg > '-Infinity'::double precision))", "-Infinity")]
    public void Read_ExclusiveLowerBound_LiteralWithoutQuotesOrCast(string definition, string literal)
    {
        Assert.Equal(new ValueBound(literal, Inclusive: false), ReadExactly(definition).For("neg").Lower);
    }

    [Fact]
    public void Read_IntegerComparedWithNumeric_LooksThroughNumericCast()
    {
        Assert.Equal(new ValueBound("1.5", false), ReadExactly("CHECK (((d)::numeric > 1.5))").For("d").Lower);
    }

    [Theory]
    [InlineData("CHECK ((g > (1.7)::integer))")]
    [InlineData("CHECK (((h)::text <> ('abcdefg'::character varying(2))::text))")]
    [InlineData("CHECK ((pp > ('infinity'::date - 1)))")]
    public void Read_CastThatChangesTheValue_NotUnderstood(string definition)
    {
        var analysis = CheckReader.Read(definition);

        Assert.False(analysis.FullyUnderstood);
        Assert.Empty(analysis.Columns);
    }

    [Fact]
    public void Read_TextInList_AllowedValues()
    {
        var rules = ReadExactly("CHECK ((status = ANY (ARRAY['new'::text, 'paid'::text])))").For("status");

        Assert.Equal(["new", "paid"], rules.AllowedValues);
    }

    [Fact]
    public void Read_VarcharInList_LooksThroughTextCasts()
    {
        var rules = ReadExactly("CHECK (((kind)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])))").For("kind");

        Assert.Equal(["a", "b"], rules.AllowedValues);
    }

    [Theory]
    [InlineData("CHECK ((ni = ANY (ARRAY[1, 2, 3])))", new[] { "1", "2", "3" })]
    [InlineData("CHECK ((ni = ANY ('{1,2}'::integer[])))", new[] { "1", "2" })]
    [InlineData("CHECK ((ni = ANY ('{\"a b\",c}'::text[])))", new[] { "a b", "c" })]
    [InlineData("CHECK ((ni = ANY (ARRAY['ab'::bpchar, 'cd'::bpchar])))", new[] { "ab", "cd" })]
    [InlineData("CHECK ((ni = 1))", new[] { "1" })]
    [InlineData("CHECK (((ni = 1) OR (ni = 2)))", new[] { "1", "2" })]
    [InlineData("CHECK ((NOT (ni <> ALL (ARRAY[1, 2]))))", new[] { "1", "2" })]
    public void Read_InList_AllowedValues(string definition, string[] allowed)
    {
        Assert.Equal(allowed, ReadExactly(definition).For("ni").AllowedValues);
    }

    [Theory]
    [InlineData("CHECK ((n <> ALL (ARRAY[1, 2, 3])))", new[] { "1", "2", "3" })]
    [InlineData("CHECK (((vb)::text <> ALL ((ARRAY['x'::character varying, 'y'::character varying])::text[])))", new[] { "x", "y" })]
    [InlineData("CHECK ((discount <> 0))", new[] { "0" })]
    [InlineData("CHECK ((NOT ((code)::text = 'x'::text)))", new[] { "x" })]
    [InlineData("CHECK ((q <> 'it''s'::text))", new[] { "it's" })]
    [InlineData("CHECK ((e <> 'a\\b'::text))", new[] { "a\\b" })]
    [InlineData("CHECK ((e <> E'a\\\\b\\n'::text))", new[] { "a\\b\n" })]
    [InlineData("CHECK ((p IS DISTINCT FROM 5))", new[] { "5" })]
    public void Read_NotInList_ForbiddenValues(string definition, string[] forbidden)
    {
        var analysis = ReadExactly(definition);

        Assert.Equal(forbidden, Assert.Single(analysis.Columns).Value.ForbiddenValues);
    }

    [Fact]
    public void Read_InListWithNull_AcceptsEverything()
    {
        // x = ANY (ARRAY['a', NULL]) is never false: a CHECK over it lets every row pass.
        var analysis = ReadExactly("CHECK ((j = ANY (ARRAY['a'::text, NULL::text])))");

        Assert.Empty(analysis.Columns);
    }

    [Theory]
    [InlineData("CHECK ((length(name) >= 2))", 2, null)]
    [InlineData("CHECK ((char_length((name)::text) = 3))", 3, 3)]
    [InlineData("CHECK ((length(name) > 2))", 3, null)]
    [InlineData("CHECK ((length(name) < 10))", null, 9)]
    [InlineData("CHECK ((10 >= length(name)))", null, 10)]
    [InlineData("CHECK (((length(name) >= 1) AND (length(name) <= 10)))", 1, 10)]
    public void Read_LengthComparison_MinAndMaxLength(string definition, int? min, int? max)
    {
        var rules = ReadExactly(definition).For("name");

        Assert.Equal(min, rules.MinLength);
        Assert.Equal(max, rules.MaxLength);
    }

    [Theory]
    [InlineData("CHECK ((btrim(name) <> ''::text))")]
    [InlineData("CHECK ((TRIM(BOTH FROM name) <> ''::text))")]
    [InlineData("CHECK ((char_length(TRIM(BOTH FROM name)) > 0))")]
    [InlineData("CHECK ((''::text <> btrim((name)::text)))")]
    public void Read_TrimmedNotEmpty_NotBlank(string definition)
    {
        var rules = ReadExactly(definition).For("name");

        Assert.True(rules.NotBlank);
        Assert.Null(rules.MinLength);
    }

    [Fact]
    public void Read_CaseInsensitiveRegex_CaseInsensitivePattern()
    {
        var rules = ReadExactly("CHECK ((email ~* '^[^@]+@[^@]+$'::text))").For("email");

        Assert.Equal(["^[^@]+@[^@]+$"], rules.CaseInsensitivePatterns);
        Assert.Empty(rules.Patterns);
    }

    [Fact]
    public void Read_RegexOnVarchar_Pattern()
    {
        var rules = ReadExactly("CHECK (((sku)::text ~ '^[A-Z]{3}-[0-9]{4}$'::text))").For("sku");

        Assert.Equal(["^[A-Z]{3}-[0-9]{4}$"], rules.Patterns);
    }

    [Fact]
    public void Read_ColumnAgainstColumn_Relation()
    {
        var analysis = ReadExactly("CHECK ((end_date >= start_date))");

        Assert.Equal([new ColumnRelation("end_date", RelationOperator.GreaterOrEqual, "start_date")], analysis.Relations);
        Assert.Empty(analysis.Columns);
    }

    [Theory]
    [InlineData("CHECK (((shipped_at IS NULL) = (carrier IS NULL)))")]
    [InlineData("CHECK (((shipped_at IS NOT NULL) = (carrier IS NOT NULL)))")]
    [InlineData("CHECK (((shipped_at IS NULL) <> (carrier IS NOT NULL)))")]
    [InlineData("CHECK ((((shipped_at IS NULL) AND (carrier IS NULL)) OR ((shipped_at IS NOT NULL) AND (carrier IS NOT NULL))))")]
    public void Read_NullTogether_NullCoupling(string definition)
    {
        var analysis = ReadExactly(definition);

        Assert.Equal([new NullCoupling("shipped_at", "carrier")], analysis.NullCouplings);
    }

    [Fact]
    public void Read_ExactlyOneNull_NotUnderstood()
    {
        Assert.False(CheckReader.Read("CHECK (((shipped_at IS NULL) <> (carrier IS NULL)))").FullyUnderstood);
    }

    [Theory]
    [InlineData("CHECK ((x IS NOT NULL))")]
    [InlineData("CHECK (((x IS NULL) = false))")]
    [InlineData("CHECK ((NOT (x IS NULL)))")]
    public void Read_IsNotNull_NotNull(string definition)
    {
        Assert.True(ReadExactly(definition).For("x").NotNull);
    }

    [Fact]
    public void Read_NullOrBound_TheBoundAlone()
    {
        var rules = ReadExactly("CHECK (((i IS NULL) OR (i > 0)))").For("i");

        Assert.Equal(new ValueBound("0", false), rules.Lower);
        Assert.False(rules.NotNull);
    }

    [Fact]
    public void Read_NullOrNotNullAndEqual_TheValueAlone()
    {
        var rules = ReadExactly("CHECK (((i IS NULL) OR ((i IS NOT NULL) AND (i = 5))))").For("i");

        Assert.Equal(["5"], rules.AllowedValues);
        Assert.False(rules.NotNull);
    }

    [Fact]
    public void Read_NullOrBoundOnAnotherColumn_NotUnderstood()
    {
        Assert.False(CheckReader.Read("CHECK (((i IS NULL) OR (j > 0)))").FullyUnderstood);
    }

    [Fact]
    public void Read_NotOfOr_DeMorgan()
    {
        var rules = ReadExactly("CHECK ((NOT ((q < 5) OR (q > 10))))").For("q");

        Assert.Equal(new ValueBound("5", true), rules.Lower);
        Assert.Equal(new ValueBound("10", true), rules.Upper);
    }

    [Fact]
    public void Read_GreaterThanAll_HighestBound()
    {
        Assert.Equal(new ValueBound("5", false), ReadExactly("CHECK ((aa > ALL (ARRAY[1, 5])))").For("aa").Lower);
    }

    [Theory]
    [InlineData("CHECK (flag)", "true")]
    [InlineData("CHECK ((NOT flag))", "false")]
    [InlineData("CHECK ((flag = true))", "true")]
    public void Read_BooleanColumn_AllowedValue(string definition, string value)
    {
        Assert.Equal([value], ReadExactly(definition).For("flag").AllowedValues);
    }

    [Fact]
    public void Read_PredicateEqualsTrue_ThePredicate()
    {
        Assert.Equal(["1"], ReadExactly("CHECK (((eq = 1) = true))").For("eq").AllowedValues);
    }

    [Fact]
    public void Read_ConjunctionOfBounds_KeepsTheTighter()
    {
        var rules = ReadExactly("CHECK (((x > 0) AND (x >= 1) AND (x < 100) AND (x <= '99.5'::numeric) AND (x > '0.5'::numeric)))").For("x");

        Assert.Equal(new ValueBound("1", true), rules.Lower);
        Assert.Equal(new ValueBound("99.5", true), rules.Upper);
    }

    [Fact]
    public void Read_EqualBoundsOneExclusive_KeepsExclusive()
    {
        var rules = ReadExactly("CHECK (((x >= 1) AND (x > 1)))").For("x");

        Assert.Equal(new ValueBound("1", false), rules.Lower);
    }

    [Fact]
    public void Read_TimestampBounds_OrderedAcrossOffsets()
    {
        var rules = ReadExactly(
            "CHECK (((s >= '2020-06-01 06:30:00+00'::timestamp with time zone) AND (s >= '2020-06-01 08:00:00+02'::timestamp with time zone)))").For("s");

        // 08:00+02 is 06:00 UTC: the first bound is the tighter.
        Assert.Equal(new ValueBound("2020-06-01 06:30:00+00", true), rules.Lower);
    }

    [Fact]
    public void Read_TwoTextLowerBounds_NotFullyUnderstood()
    {
        // Text order depends on collation: neither bound can be dropped safely.
        var analysis = CheckReader.Read("CHECK (((t > 'a'::text) AND (t > 'b'::text)))");

        Assert.False(analysis.FullyUnderstood);
        Assert.NotNull(analysis.For("t").Lower);
    }

    [Fact]
    public void Read_AllowedValuesAndBounds_DropsImpossibleValues()
    {
        var rules = ReadExactly("CHECK (((x = ANY (ARRAY[1, 5, 10])) AND (x > 1) AND (x <> 10)))").For("x");

        Assert.Equal(["5"], rules.AllowedValues);
        Assert.Equal(new ValueBound("1", false), rules.Lower);
        Assert.Equal(["10"], rules.ForbiddenValues);
    }

    [Fact]
    public void ReadAll_SeveralChecks_Intersected()
    {
        var analysis = CheckReader.ReadAll(["CHECK ((length(name) >= 2))", "CHECK ((btrim(name) <> ''::text))", "CHECK ((length(name) <= 40)) NOT VALID"]);

        Assert.True(analysis.FullyUnderstood);
        var rules = analysis.For("name");
        Assert.Equal(2, rules.MinLength);
        Assert.Equal(40, rules.MaxLength);
        Assert.True(rules.NotBlank);
    }

    [Fact]
    public void Read_NotValidSuffix_Read()
    {
        Assert.Equal(new ValueBound("1000", false), ReadExactly("CHECK ((quantity < 1000)) NOT VALID").For("quantity").Upper);
    }

    [Theory]
    [InlineData("CHECK ((email ~~ '%_@_%'::text))", "email", "^.*.@..*$", false)]
    [InlineData("CHECK ((code ~~* 'ab\\_%'::text))", "code", "^ab_.*$", true)]
    [InlineData("CHECK ((p ~~ '1.5%'::text))", "p", "^1\\.5.*$", false)]
    public void Read_Like_AnchoredRegex(string definition, string column, string regex, bool caseInsensitive)
    {
        var rules = ReadExactly(definition).For(column);

        Assert.Equal([regex], caseInsensitive ? rules.CaseInsensitivePatterns : rules.Patterns);
    }

    [Fact]
    public void Read_QuotedColumns_Unquoted()
    {
        Assert.Equal(new ValueBound("100", false), ReadExactly("CHECK ((\"Weird Col\" < 100))").For("Weird Col").Upper);
        Assert.Equal(new ValueBound("0", false), ReadExactly("CHECK ((\"a\"\"b\" > 0))").For("a\"b").Lower);
        Assert.Equal(new ValueBound("0", false), ReadExactly("CHECK ((value > 0))").For("value").Lower);
    }

    [Theory]
    [InlineData("CHECK ((my_func(a) > 0))")]
    [InlineData("CHECK (((o < 0) OR (o > 10)))")]
    [InlineData("CHECK ((upper(up) = up))")]
    [InlineData("CHECK ((m < CURRENT_DATE))")]
    [InlineData("CHECK (((n COLLATE \"C\") > 'a'::text))")]
    [InlineData("CHECK ((ii = ('x'::text COLLATE \"C\")))")]
    [InlineData("CHECK (\n CASE\n     WHEN (o > 0) THEN true\n     ELSE false\n END)")]
    [InlineData("CHECK ((SUBSTRING(dd FROM 1 FOR 2) = 'ab'::text))")]
    [InlineData("CHECK ((EXTRACT(year FROM ee) > (2000)::numeric))")]
    [InlineData("CHECK ((POSITION(('a'::text) IN (gg)) > 0))")]
    [InlineData("CHECK ((y ~ similar_to_escape('a%'::text)))")]
    [InlineData("CHECK ((f <> '101'::\"bit\") AND")]
    [InlineData("CHECK ((x IS NULL))")]
    [InlineData("CHECK ((c = 'a'::citext))")]
    [InlineData("CHECK ((((sym >= 5) AND (sym <= 1)) OR ((sym >= 1) AND (sym <= 5))))")]
    [InlineData("CHECK ((length(name) <> 3))")]
    [InlineData("CHECK ((y !~ 'a'::text))")]
    [InlineData("CHECK ((VALUE > 0))")]
    [InlineData("")]
    [InlineData("UNIQUE (a)")]
    public void Read_NotUnderstood_NoRules(string definition)
    {
        var analysis = CheckReader.Read(definition);

        Assert.False(analysis.FullyUnderstood);
        Assert.Empty(analysis.Columns);
        Assert.Empty(analysis.Relations);
        Assert.Empty(analysis.NullCouplings);
    }

    [Fact]
    public void Read_OneConjunctNotUnderstood_KeepsTheOthers()
    {
        var analysis = CheckReader.Read("CHECK (((a > 0) AND (my_func(a) > 0) AND ((b < 0) OR (b > 10)) AND (c IS NOT NULL)))");

        Assert.False(analysis.FullyUnderstood);
        Assert.Equal(new ValueBound("0", false), analysis.For("a").Lower);
        Assert.True(analysis.For("b").IsEmpty);
        Assert.True(analysis.For("c").NotNull);
    }

    [Fact]
    public void Read_NotOfAnd_NothingKept()
    {
        // NOT (a AND b) is an OR: neither part may be kept as a rule.
        var analysis = CheckReader.Read("CHECK ((NOT ((a > 0) AND (b > 0))))");

        Assert.False(analysis.FullyUnderstood);
        Assert.Empty(analysis.Columns);
    }

    [Fact]
    public void ReadDomain_YearRange_UnderValue()
    {
        var analysis = CheckReader.ReadDomain("CHECK (((VALUE >= 1901) AND (VALUE <= 2155)))");

        Assert.True(analysis.FullyUnderstood);
        var rules = analysis.For(CheckReader.DomainValue);
        Assert.Equal(new ValueBound("1901", true), rules.Lower);
        Assert.Equal(new ValueBound("2155", true), rules.Upper);
    }

    [Fact]
    public void ReadDomain_Pattern_UnderValue()
    {
        var analysis = CheckReader.ReadDomain("CHECK ((VALUE ~ '^\\d{5}$'::text))");

        Assert.True(analysis.FullyUnderstood);
        Assert.Equal(["^\\d{5}$"], analysis.For(CheckReader.DomainValue).Patterns);
    }

    [Fact]
    public void ReadDomain_VarcharList_UnderValue()
    {
        var analysis = CheckReader.ReadDomain("CHECK (((VALUE)::text = ANY ((ARRAY['YES'::character varying, 'NO'::character varying])::text[])))");

        Assert.True(analysis.FullyUnderstood);
        Assert.Equal(["YES", "NO"], analysis.For(CheckReader.DomainValue).AllowedValues);
    }

    [Fact]
    public void ReadDomainAll_SeveralChecks_Combined()
    {
        var analysis = CheckReader.ReadDomainAll(["CHECK ((VALUE > (0)::numeric))", "CHECK ((VALUE IS NOT NULL))"]);

        var rules = analysis.For(CheckReader.DomainValue);
        Assert.True(analysis.FullyUnderstood);
        Assert.Equal(new ValueBound("0", false), rules.Lower);
        Assert.True(rules.NotNull);
    }

    [Fact]
    public void ReadDomain_ColumnName_NotUnderstood()
    {
        Assert.False(CheckReader.ReadDomain("CHECK ((price > 0))").FullyUnderstood);
    }

    [Fact]
    public void ColumnRules_Built_IsEmptyWhenNothingSaid()
    {
        var analysis = ReadExactly("CHECK ((n <> ALL ('{}'::integer[])))");

        Assert.Empty(analysis.Columns);
        Assert.True(analysis.For("n").IsEmpty);
    }

    private static CheckAnalysis ReadExactly(string definition)
    {
        var analysis = CheckReader.Read(definition);
        Assert.True(analysis.FullyUnderstood, $"Not fully understood: {definition}");
        return analysis;
    }
}
