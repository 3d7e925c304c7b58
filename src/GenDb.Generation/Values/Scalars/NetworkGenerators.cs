using GenDb.Generation.Randomness;

namespace GenDb.Generation.Values.Scalars;

/// <summary>
/// inet: private IPv4 host addresses. Unique ones count through 10.0.0.1 - 10.255.255.255, then
/// through IPv6 fd00::/64, so every row has its own address.
/// </summary>
internal sealed class InetGenerator(bool unique) : IValueGenerator
{
    public bool IsUnique => unique;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        if (!unique)
        {
            if (rng.Chance(0.5))
            {
                WriteIPv4(output, (192u << 24) | (168u << 16) | (uint)rng.NextBelow(1 << 16));
            }
            else
            {
                WriteIPv4(output, (10u << 24) | (uint)(1 + rng.NextBelow((1 << 24) - 1)));
            }

            return;
        }

        if (row < (1 << 24) - 1)
        {
            WriteIPv4(output, (10u << 24) | (uint)(row + 1));
            return;
        }

        output.Append("fd00:0:0:0:"u8);
        WriteGroups(output, (ulong)row, 4);
    }

    internal static void WriteIPv4(ValueBuilder output, uint address)
    {
        output.Append(address >> 24).Append((byte)'.')
            .Append((address >> 16) & 0xFF).Append((byte)'.')
            .Append((address >> 8) & 0xFF).Append((byte)'.')
            .Append(address & 0xFF);
    }

    /// <summary>The low <paramref name="groups"/> 16-bit groups of <paramref name="value"/>, colon-separated.</summary>
    internal static void WriteGroups(ValueBuilder output, ulong value, int groups)
    {
        for (var i = groups - 1; i >= 0; i--)
        {
            output.AppendFormatted((value >> (16 * i)) & 0xFFFF, "x");
            if (i > 0)
            {
                output.Append((byte)':');
            }
        }
    }
}

/// <summary>
/// cidr: networks with the host bits zero, /24 in 10.0.0.0/8 and 192.168.0.0/16; unique ones count
/// through the /24s of 10.0.0.0/8, then through /64s of fd00::/16.
/// </summary>
internal sealed class CidrGenerator(bool unique) : IValueGenerator
{
    public bool IsUnique => unique;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        if (!unique)
        {
            var network = rng.Chance(0.5)
                ? (192u << 24) | (168u << 16) | ((uint)rng.NextBelow(256) << 8)
                : (10u << 24) | ((uint)rng.NextBelow(1 << 16) << 8);
            InetGenerator.WriteIPv4(output, network);
            output.Append("/24"u8);
            return;
        }

        if (row < 1 << 16)
        {
            InetGenerator.WriteIPv4(output, (10u << 24) | ((uint)row << 8));
            output.Append("/24"u8);
            return;
        }

        output.Append("fd00:"u8);
        InetGenerator.WriteGroups(output, (ulong)row, 3);
        output.Append("::/64"u8);
    }
}

/// <summary>
/// macaddr (6 bytes) and macaddr8 (8 bytes): locally administered unicast addresses; unique ones
/// carry the row number in the bytes after the first.
/// </summary>
internal sealed class MacAddressGenerator(int bytes, bool unique, string typeSql, GenerationTarget target) : IValueGenerator
{
    public bool IsUnique => unique;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var rowBits = (bytes - 1) * 8;
        ulong rest;
        if (unique)
        {
            if (rowBits < 63 && row >= 1L << rowBits)
            {
                throw target.Exhausted(typeSql, row);
            }

            rest = (ulong)row;
        }
        else
        {
            rest = rng.NextUInt64();
        }

        // 0x02: locally administered, unicast.
        Hex.Write(output, 0x02 | (rng.NextBelow(64) << 2), 2);
        for (var i = bytes - 2; i >= 0; i--)
        {
            output.Append((byte)':');
            Hex.Write(output, (rest >> (8 * i)) & 0xFF, 2);
        }
    }
}
