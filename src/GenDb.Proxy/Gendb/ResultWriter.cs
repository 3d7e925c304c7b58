using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using GenDb.Commands.Execution;
using GenDb.Protocol;

namespace GenDb.Proxy.Gendb;

/// <summary>Writes a GENDB command's answer as the server would answer a CALL that returns rows.</summary>
internal static class ResultWriter
{
    public const string CallTag = "CALL";

    public static void RowDescription(MessageBuilder builder, IReadOnlyList<ResultColumn> columns, IReadOnlyList<short>? formats)
    {
        builder.Begin(BackendMessageType.RowDescription).WriteInt16((short)columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            builder.WriteCString(column.Name)
                .WriteInt32(0)
                .WriteInt16(0)
                .WriteInt32((int)column.TypeOid)
                .WriteInt16(column.TypeSize)
                .WriteInt32(-1)
                .WriteInt16(FormatOf(formats, i));
        }

        builder.End();
    }

    public static void DataRow(MessageBuilder builder, IReadOnlyList<ResultColumn> columns, object?[] row, IReadOnlyList<short>? formats)
    {
        Span<byte> int8 = stackalloc byte[8];
        builder.Begin(BackendMessageType.DataRow).WriteInt16((short)columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            var value = row[i];
            if (value is null)
            {
                builder.WriteInt32(-1);
                continue;
            }

            var binary = FormatOf(formats, i) == 1;
            switch (columns[i].Type)
            {
                case ResultType.Bigint when binary:
                    builder.WriteInt32(8);
                    BinaryPrimitives.WriteInt64BigEndian(int8, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    builder.WriteBytes(int8);
                    break;
                case ResultType.Boolean when binary:
                    builder.WriteInt32(1).WriteByte((bool)value ? (byte)1 : (byte)0);
                    break;
                default:
                    var text = value switch
                    {
                        bool b => b ? "t" : "f",
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => value.ToString() ?? string.Empty,
                    };
                    var bytes = Encoding.UTF8.GetBytes(text);
                    builder.WriteInt32(bytes.Length).WriteBytes(bytes);
                    break;
            }
        }

        builder.End();
    }

    /// <summary>Format code of column <paramref name="index"/>: none given means text, one means all.</summary>
    public static short FormatOf(IReadOnlyList<short>? formats, int index) => formats switch
    {
        null or { Count: 0 } => 0,
        { Count: 1 } => formats[0],
        _ => index < formats.Count ? formats[index] : (short)0,
    };
}
