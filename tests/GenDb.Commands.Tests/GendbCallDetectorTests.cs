using CsCheck;
using GenDb.Commands.Tests.Support;

namespace GenDb.Commands.Tests;

public sealed class GendbCallDetectorTests
{
    public static TheoryData<string, bool> TruthTable => new()
    {
        // The plain forms, in any case.
        { "CALL gendb.help()", true },
        { "call gendb.help()", true },
        { "CaLl GeNdB.help()", true },
        { "call  GenDB . help()", true },
        { "CALL gendb.", true },
        { "CALL gendb.help(); SELECT 1", true },
        { "CALL gendb.help() /* unterminated after the dot is the parser's", true },

        // Whitespace: exactly PostgreSQL's six characters.
        { " \t\n\r\f\vCALL gendb.help()", true },
        { "CALL\tgendb.x()", true },
        { "CALL\ngendb\n.\nx()", true },
        { "CALL\fgendb.x()", true },
        { "CALL\vgendb.x()", true },
        { "CALL\r\ngendb\r\n.x()", true },

        // Comments before, between and after the words.
        { "-- comment\nCALL gendb.help()", true },
        { "--only comment\r\ncall gendb.status()", true },
        { "/* c */CALL gendb.help()", true },
        { "/* outer /* inner */ still outer */ CALL gendb.help()", true },
        { "/*/ not closed by the slash */CALL gendb.x()", true },
        { "/***/CALL gendb.x()", true },
        { "/* ** / * */CALL gendb.x()", true },
        { "CALL/**/gendb.help()", true },
        { "CALL--c\ngendb.help()", true },
        { "CALL gendb/* c */.help()", true },
        { "CALL gendb--c\r.help()", true },
        { "/**/CALL/**/\"gendb\"/**/.x()", true },

        // The quoted schema name, exactly.
        { "CALL \"gendb\".help()", true },
        { "CALL \"gendb\" . help()", true },
        { "CALL \"GENDB\".help()", false },
        { "CALL \"Gendb\".help()", false },
        { "CALL \"gendb\"\".x()", false },
        { "CALL \"gendb .x()", false },
        { "CALL 'gendb'.x()", false },

        // Not a gendb call.
        { "", false },
        { "   ", false },
        { "SELECT 1", false },
        { "C", false },
        { "CALL", false },
        { "CALL ", false },
        { "CALL gendb", false },
        { "CALL gendb ", false },
        { "CAL gendb.help()", false },
        { "CALLS gendb.help()", false },
        { "CALLgendb.help()", false },
        { "CALL gendbx.help()", false },
        { "CALL gendb_x.help()", false },
        { "CALL gendb$.help()", false },
        { "CALL gendb1.help()", false },
        { "CALL gen db.help()", false },
        { "CALL public.help()", false },
        { "CALL x.gendb.help()", false },
        { "CALL gendb;.help()", false },
        { "CALL gendb(.help()", false },
        { "CALL gendb\0.help()", false },
        { "EXPLAIN CALL gendb.help()", false },
        { "SELECT 1; CALL gendb.help()", false },
        { "-- CALL gendb.help()", false },
        { "- CALL gendb.help()", false },
        { "/ * */ CALL gendb.help()", false },

        // Unterminated comments.
        { "/* unterminated CALL gendb.help()", false },
        { "/* outer /* inner */ CALL gendb.help()", false },
        { "CALL /* unterminated gendb.help()", false },
        { "CALL gendb /* unterminated .help()", false },
        { "/*", false },
        { "/*/", false },

        // Unicode spaces and the byte-order mark are identifier characters to PostgreSQL.
        { "\u00A0CALL gendb.help()", false },
        { "CALL\u00A0gendb.help()", false },
        { "CALL\u2003gendb.help()", false },
        { "CALL gendb\u3000.help()", false },
        { "\uFEFFCALL gendb.help()", false },
    };

    [Theory]
    [MemberData(nameof(TruthTable))]
    public void IsGendbCall_Statement_MatchesTruthTable(string sql, bool expected)
    {
        Assert.Equal(expected, GendbCallDetector.IsGendbCall(SqlGen.Utf8(sql)));
    }

    [Fact]
    public void IsGendbCall_ByteOrderMarkBytes_False()
    {
        byte[] sql = [0xEF, 0xBB, 0xBF, .. "CALL gendb.help()"u8];

        Assert.False(GendbCallDetector.IsGendbCall(sql));
    }

    [Fact]
    public void IsGendbCall_InvalidUtf8AfterTheDot_True()
    {
        byte[] sql = [.. "CALL gendb."u8, 0xFF, 0xC3];

        Assert.True(GendbCallDetector.IsGendbCall(sql));
    }

    [Fact]
    public void IsGendbCall_TenThousandCalls_AllocatesNothing()
    {
        var select = "SELECT * FROM users WHERE id = $1"u8;
        var call = "/* a /* nested */ comment */ CALL -- line\n \"gendb\" /**/ . return_generated(include => 'users')"u8;
        var nearMiss = "  call gendbx.help()"u8;
        var matches = 0;

        // Warm up first so that tiered JIT compilation cannot count against the loop.
        matches += Count(select) + Count(call) + Count(nearMiss);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            matches += Count(select) + Count(call) + Count(nearMiss);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(10_001, matches);

        static int Count(ReadOnlySpan<byte> sql) => GendbCallDetector.IsGendbCall(sql) ? 1 : 0;
    }

    [Fact]
    public void IsGendbCall_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 64].Sample(bytes =>
        {
            var result = GendbCallDetector.IsGendbCall(bytes);

            Assert.Equal(result, GendbCallDetector.IsGendbCall(bytes));
        }, iter: 10_000);
    }

    [Fact]
    public void IsGendbCall_RandomStatements_AgreesWithTheLexer()
    {
        SqlGen.CallLikeSoup.Sample(sql =>
        {
            Assert.Equal(LexerSaysGendbCall(sql), GendbCallDetector.IsGendbCall(SqlGen.Utf8(sql)));
        }, iter: 20_000);
    }

    [Fact]
    public void IsGendbCall_WhatTheParserAcceptsWithSpaceAfterCall_True()
    {
        SqlGen.CallLikeSoup.Sample(sql =>
        {
            if (GendbCallParser.Parse(sql).IsSuccess && LexerSaysGendbCall(sql))
            {
                Assert.True(GendbCallDetector.IsGendbCall(SqlGen.Utf8(sql)));
            }
        }, iter: 5_000);
    }

    /// <summary>
    /// The reference the detector must agree with: the first three tokens are CALL, gendb (or
    /// "gendb") and a dot, with whitespace or a comment between the first two.
    /// </summary>
    private static bool LexerSaysGendbCall(string sql)
    {
        try
        {
            var lexer = new GendbLexer(sql);
            var call = lexer.Read();
            var schema = lexer.Read();
            if (!call.IsWord("call")
                || schema.Start == call.End
                || schema.Kind is not (GendbTokenKind.Identifier or GendbTokenKind.QuotedIdentifier)
                || schema.Value != "gendb")
            {
                return false;
            }

            // Only the dot's character counts: "gendb.5" lexes as gendb and .5, and the detector
            // rightly leaves that syntax error to the parser.
            lexer.SkipTrivia();
            return !lexer.AtEnd && sql[lexer.Offset] == '.';
        }
        catch (GendbErrorException)
        {
            return false;
        }
    }
}
