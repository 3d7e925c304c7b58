using System.Text;
using GenDb.Generation.Randomness;

namespace GenDb.Generation.Values.Text;

/// <summary>
/// Plain lowercase English words, as UTF-8, for text that reads like text. Only ASCII letters, so
/// a word never needs quoting or escaping and its length in characters is its length in bytes.
/// </summary>
internal static class Vocabulary
{
    private static readonly byte[][] AllWords = ToUtf8(
        "able", "acid", "actor", "amber", "angle", "apple", "april", "arrow", "autumn", "badge",
        "baker", "bamboo", "basin", "beach", "berry", "birch", "blade", "bloom", "board", "bread",
        "brick", "bridge", "brook", "brush", "cabin", "camel", "candle", "canyon", "carbon", "cargo",
        "cedar", "chalk", "cherry", "circle", "citrus", "cliff", "clock", "cloud", "clover", "coast",
        "cobalt", "copper", "coral", "cotton", "crane", "creek", "crystal", "daisy", "delta", "desert",
        "diamond", "dolphin", "dragon", "dune", "eagle", "echo", "ember", "engine", "falcon", "feather",
        "fern", "field", "flame", "forest", "fossil", "fox", "garden", "garnet", "ginger", "glacier",
        "granite", "grove", "harbor", "hazel", "heron", "hill", "honey", "horizon", "island", "ivory",
        "jade", "jasmine", "jungle", "kettle", "lagoon", "lake", "lantern", "lemon", "lily", "linen",
        "lotus", "maple", "marble", "meadow", "melon", "mesa", "mint", "mirror", "moss", "mountain",
        "nectar", "north", "oak", "ocean", "olive", "onyx", "orange", "orchid", "otter", "paper",
        "pearl", "pebble", "pepper", "pine", "planet", "plum", "pond", "poppy", "quartz", "rain",
        "raven", "reef", "ridge", "river", "robin", "rose", "ruby", "saddle", "sage", "salt",
        "sand", "shadow", "silver", "slate", "snow", "spark", "spruce", "stone", "storm", "summer",
        "sun", "swift", "thunder", "tiger", "timber", "topaz", "trail", "tulip", "valley", "velvet",
        "violet", "walnut", "water", "willow", "winter", "wolf", "yarrow", "zephyr");

    private static readonly byte[][] AllKeys = ToUtf8(
        "id", "name", "color", "size", "status", "kind", "code", "note", "level", "score", "label", "owner");

    public static ReadOnlySpan<byte> Word(ref Rng rng) => AllWords[rng.NextBelow((ulong)AllWords.Length)];

    public static int KeyCount => AllKeys.Length;

    /// <summary>Short names for the keys of json objects and hstores.</summary>
    public static ReadOnlySpan<byte> Key(int index) => AllKeys[index];

    /// <summary>Appends one to <paramref name="count"/> words separated by spaces.</summary>
    public static void AppendWords(ValueBuilder output, ref Rng rng, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                output.Append((byte)' ');
            }

            output.Append(Word(ref rng));
        }
    }

    private static byte[][] ToUtf8(params string[] words) => [.. words.Select(Encoding.UTF8.GetBytes)];
}
