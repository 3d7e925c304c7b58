using System.Globalization;
using GenDb.Generation.Profiles;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GenDb.Commands.Configuration;

// Typed reads of YAML scalars. The representation model keeps every scalar as text, so the
// YAML 1.2 core schema's spellings of null, true and false are resolved here.
public sealed partial record GendbConfig
{
    private static string KeyText(string path, YamlNode keyNode) =>
        keyNode is YamlScalarNode { Value: { } text }
            ? text
            : throw Error(path, keyNode, "a key must be a name, not a list or a mapping");

    /// <summary>An empty value, <c>~</c> or <c>null</c>, written without quotes (<c>'~'</c> is text).</summary>
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static SourceLocation Where(string path, YamlNode node) =>
        new(path, (int)node.Start.Line, (int)node.Start.Column);

    private static long ReadInteger(string path, string? key, YamlNode node) =>
        node is YamlScalarNode { Value: { } text } && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Error(path, node, $"{key} takes a whole number, not {Describe(node)}");

    private static double ReadNumber(string path, string key, YamlNode node, string allowed) =>
        node is YamlScalarNode { Value: { } text }
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number)
            ? number
            : throw Error(path, node, $"{key} takes a number ({allowed}), not {Describe(node)}");

    private static bool ReadBoolean(string path, string key, YamlNode node) =>
        node is YamlScalarNode { Value: { } text } ? text switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => throw Error(path, node, $"{key} takes true or false, not {Describe(node)}"),
        }
        : throw Error(path, node, $"{key} takes true or false, not {Describe(node)}");

    /// <summary>Text as written; numbers and booleans stay as their text, NULL and nested nodes are errors.</summary>
    private static string ReadText(string path, string key, YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } text } && !IsNull(node)
            ? text
            : throw Error(path, node, $"{key} takes {what}, not {Describe(node)}");

    /// <summary>The offending value, for a message: <c>'abc'</c>, <c>a list</c>, <c>nothing</c>.</summary>
    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ when IsNull(node) => "null",
        YamlScalarNode { Value: { } text } => $"'{text}'",
        _ => "this value",
    };
}
