using GenDb.Generation.Randomness;
using GenDb.Generation.Values.Text;

namespace GenDb.Generation.Values.Scalars;

/// <summary>The structured text types written from words (their own syntax, ASCII words that need no escaping).</summary>
internal enum DocumentKind
{
    Json,
    Xml,
    JsonPath,
    TsVector,
    TsQuery,
    Hstore,
    Ltree,
}

/// <summary>
/// json/jsonb objects, xml elements, jsonpath, tsvector, tsquery, hstore and ltree values made of
/// vocabulary words. Unique values carry the row number: an <c>"id"</c> key (json, hstore), an id
/// attribute (xml), a lexeme (tsvector, tsquery) or the last label (ltree).
/// </summary>
internal sealed class DocumentGenerator(DocumentKind kind, bool unique) : IValueGenerator
{
    public bool IsUnique => unique && kind != DocumentKind.JsonPath;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        switch (kind)
        {
            case DocumentKind.Json:
                WriteJson(row, ref rng, output);
                break;
            case DocumentKind.Xml:
                output.Append("<item id=\""u8).Append(IsUnique ? row : 1 + (long)rng.NextBelow(1000)).Append("\"><name>"u8);
                Vocabulary.AppendWords(output, ref rng, 1 + (int)rng.NextBelow(2));
                output.Append("</name></item>"u8);
                break;
            case DocumentKind.JsonPath:
                output.Append("$."u8).Append(Vocabulary.Word(ref rng));
                if (rng.Chance(0.5))
                {
                    output.Append("[*]."u8).Append(Vocabulary.Word(ref rng));
                }

                break;
            case DocumentKind.TsVector:
                Vocabulary.AppendWords(output, ref rng, 1 + (int)rng.NextBelow(4));
                if (IsUnique)
                {
                    output.Append((byte)' ').Append(row);
                }

                break;
            case DocumentKind.TsQuery:
                output.Append(Vocabulary.Word(ref rng));
                output.Append(rng.Chance(0.5) ? " & "u8 : " | "u8);
                if (IsUnique)
                {
                    output.Append(row);
                }
                else
                {
                    output.Append(Vocabulary.Word(ref rng));
                }

                break;
            case DocumentKind.Hstore:
                WriteHstore(row, ref rng, output);
                break;
            default:
                // ltree labels: letters, digits and underscores.
                var labels = 1 + (int)rng.NextBelow(3);
                for (var i = 0; i < labels; i++)
                {
                    if (i > 0)
                    {
                        output.Append((byte)'.');
                    }

                    output.Append(Vocabulary.Word(ref rng));
                }

                if (IsUnique)
                {
                    output.Append((byte)'.').Append(row);
                }

                break;
        }
    }

    private void WriteJson(long row, ref Rng rng, ValueBuilder output)
    {
        output.Append((byte)'{');
        var first = true;
        if (IsUnique)
        {
            output.Append("\"id\": "u8).Append(row);
            first = false;
        }

        // Keys after "id" (key 0), each used once: a random start and stride through the key list.
        var count = 1 + (int)rng.NextBelow(3);
        var keys = Vocabulary.KeyCount - 1;
        var at = (int)rng.NextBelow((ulong)keys);
        for (var i = 0; i < count; i++, at = (at + 5) % keys)
        {
            if (!first)
            {
                output.Append(", "u8);
            }

            first = false;
            output.Append((byte)'"').Append(Vocabulary.Key(1 + at)).Append("\": "u8);
            switch (rng.NextBelow(3))
            {
                case 0:
                    output.Append(1 + (long)rng.NextBelow(1000));
                    break;
                case 1:
                    output.Append((byte)'"');
                    Vocabulary.AppendWords(output, ref rng, 1 + (int)rng.NextBelow(2));
                    output.Append((byte)'"');
                    break;
                default:
                    output.Append(rng.Chance(0.5) ? "true"u8 : "false"u8);
                    break;
            }
        }

        output.Append((byte)'}');
    }

    private void WriteHstore(long row, ref Rng rng, ValueBuilder output)
    {
        var first = true;
        if (IsUnique)
        {
            output.Append("\"id\"=>\""u8).Append(row).Append((byte)'"');
            first = false;
        }

        var count = 1 + (int)rng.NextBelow(3);
        var keys = Vocabulary.KeyCount - 1;
        var at = (int)rng.NextBelow((ulong)keys);
        for (var i = 0; i < count; i++, at = (at + 5) % keys)
        {
            if (!first)
            {
                output.Append(", "u8);
            }

            first = false;
            output.Append((byte)'"').Append(Vocabulary.Key(1 + at)).Append("\"=>\""u8);
            Vocabulary.AppendWords(output, ref rng, 1 + (int)rng.NextBelow(2));
            output.Append((byte)'"');
        }
    }
}
