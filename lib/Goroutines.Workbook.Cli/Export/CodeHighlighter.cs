using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Goroutines.Workbook.Cli.Export;

/// <summary>
/// A small C# tokenizer for the exported pages: comments, strings, numbers, keywords, type-like names
/// and kernel directives (#r, #!…) get a CSS class; everything is HTML-escaped.
/// </summary>
public static partial class CodeHighlighter
{
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false",
        "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "init", "int", "interface", "internal", "is",
        "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "record", "ref", "return", "sbyte", "sealed", "short", "sizeof", "static", "string", "struct",
        "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "var",
        "virtual", "void", "volatile", "when", "where", "while", "with", "yield", "get", "set", "nameof",
    ];

    [GeneratedRegex(""""
        (?<comment>//[^\n]*|/\*[\s\S]*?\*/)
        |(?<directive>^[ \t]*\#!?[A-Za-z]+[^\n]*)
        |(?<string>\$?"""[\s\S]*?"""|\$?@"(?:[^"]|"")*"|@\$"(?:[^"]|"")*"|\$?"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)')
        |(?<number>\b\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?[fFdDmMlLuU]*\b)
        |(?<word>\b[A-Za-z_]\w*\b)
        """", RegexOptions.IgnorePatternWhitespace | RegexOptions.Multiline)]
    private static partial Regex Token();

    /// <summary>The code as HTML with &lt;span class="…"&gt; around tokens.</summary>
    public static string ToHtml(string code)
    {
        var html = new StringBuilder(code.Length * 2);
        var at = 0;
        foreach (Match m in Token().Matches(code))
        {
            html.Append(WebUtility.HtmlEncode(code[at..m.Index]));
            var cls = m.Groups["comment"].Success ? "c"
                : m.Groups["directive"].Success ? "d"
                : m.Groups["string"].Success ? "s"
                : m.Groups["number"].Success ? "n"
                : Keywords.Contains(m.Value) ? "k"
                : char.IsUpper(m.Value[0]) ? "t"
                : null;
            var text = WebUtility.HtmlEncode(m.Value);
            if (cls is null) html.Append(text);
            else html.Append("<span class=\"").Append(cls).Append("\">").Append(text).Append("</span>");
            at = m.Index + m.Length;
        }
        html.Append(WebUtility.HtmlEncode(code[at..]));
        return html.ToString();
    }
}
