using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace GenDb.Generation.Values;

/// <summary>A reusable, growable UTF-8 buffer that one value (or one row) is written into.</summary>
public sealed class ValueBuilder
{
    private byte[] _buffer;
    private int _length;

    public ValueBuilder(int capacity = 256) => _buffer = new byte[Math.Max(16, capacity)];

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public void Clear() => _length = 0;

    /// <summary>Drops everything after the first <paramref name="length"/> bytes.</summary>
    public void Truncate(int length) => _length = Math.Min(_length, length);

    public override string ToString() => Encoding.UTF8.GetString(WrittenSpan);

    public ValueBuilder Append(byte utf8Byte)
    {
        Ensure(1);
        _buffer[_length++] = utf8Byte;
        return this;
    }

    public ValueBuilder Append(char ascii)
    {
        if (ascii < 0x80)
        {
            return Append((byte)ascii);
        }

        Span<char> one = [ascii];
        return Append(one);
    }

    public ValueBuilder Append(scoped ReadOnlySpan<byte> utf8)
    {
        Ensure(utf8.Length);
        utf8.CopyTo(_buffer.AsSpan(_length));
        _length += utf8.Length;
        return this;
    }

    public ValueBuilder Append(scoped ReadOnlySpan<char> text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        Utf8.FromUtf16(text, _buffer.AsSpan(_length), out _, out var written);
        _length += written;
        return this;
    }

    public ValueBuilder Append(string? text) => text is null ? this : Append(text.AsSpan());

    public ValueBuilder Append(long value)
    {
        Ensure(20);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
        return this;
    }

    /// <summary>Appends any UTF-8 formattable value (numbers, dates, Guid) with an invariant format.</summary>
    public ValueBuilder AppendFormatted<T>(T value, scoped ReadOnlySpan<char> format = default)
        where T : IUtf8SpanFormattable
    {
        while (true)
        {
            Ensure(64);
            if (value.TryFormat(_buffer.AsSpan(_length), out var written, format, CultureInfo.InvariantCulture))
            {
                _length += written;
                return this;
            }

            Grow(_buffer.Length * 2);
        }
    }

    /// <summary>Room for at least <paramref name="count"/> more bytes.</summary>
    public Span<byte> GetSpan(int count)
    {
        Ensure(count);
        return _buffer.AsSpan(_length);
    }

    public void Advance(int count) => _length += count;

    /// <summary>Appends a copy of bytes already written at <paramref name="start"/> (a template repeating a column of the row).</summary>
    internal void AppendCopyOf(int start, int count)
    {
        Ensure(count);
        _buffer.AsSpan(start, count).CopyTo(_buffer.AsSpan(_length));
        _length += count;
    }

    /// <summary>
    /// Grows what was written since <paramref name="start"/> by <paramref name="extra"/> bytes and
    /// returns that whole region, writable: quoting rewrites a value in place, without a copy.
    /// </summary>
    internal Span<byte> ExpandSince(int start, int extra)
    {
        Ensure(extra);
        _length += extra;
        return _buffer.AsSpan(start, _length - start);
    }

    private void Ensure(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Grow(Math.Max(_buffer.Length * 2, _length + count));
        }
    }

    private void Grow(int size)
    {
        var next = new byte[size];
        _buffer.AsSpan(0, _length).CopyTo(next);
        _buffer = next;
    }
}
