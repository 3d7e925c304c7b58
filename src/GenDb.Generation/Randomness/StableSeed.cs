using System.IO.Hashing;
using System.Text;

namespace GenDb.Generation.Randomness;

/// <summary>
/// Seeds derived from the run's seed and the names of what they seed (XxHash64 of UTF-8 parts),
/// so a table's data depends on its own name and columns only, and the same everywhere.
/// string.GetHashCode() is randomised per process and is never used here.
/// </summary>
public static class StableSeed
{
    public static ulong Derive(long seed, params ReadOnlySpan<string> parts)
    {
        var hash = new XxHash64(unchecked((long)0x6745_6E44_4220_5345));
        Span<byte> number = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(number, seed);
        hash.Append(number);
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(number, bytes.Length);
            hash.Append(number[..4]);
            hash.Append(bytes);
        }

        return hash.GetCurrentHashAsUInt64();
    }
}
