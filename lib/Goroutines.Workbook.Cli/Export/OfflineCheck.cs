using System.Text.RegularExpressions;

namespace Goroutines.Workbook.Cli.Export;

/// <summary>Finds what in a page would make the browser fetch something from the network (src/href of loaded resources, CSS url(), @import).</summary>
public static partial class OfflineCheck
{
    [GeneratedRegex("""<(?:script|img|link|iframe|source|video|audio|embed|object|track|input)\b[^>]*?\b(?:src|href|data|srcset)\s*=\s*["']?\s*(?:https?:)?//[^\s"'>]*""", RegexOptions.IgnoreCase)]
    private static partial Regex LoadedResource();

    [GeneratedRegex("""url\(\s*["']?\s*(?:https?:)?//[^)]*\)|@import\s+["']?(?:url\()?\s*["']?(?:https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex CssResource();

    /// <summary>Every network reference in <paramref name="html"/>, shortened for a report.</summary>
    public static IReadOnlyList<string> NetworkReferences(string html) =>
        LoadedResource().Matches(html).Concat(CssResource().Matches(html))
            .Select(m => m.Value.Length > 160 ? m.Value[..160] + "…" : m.Value)
            .ToList();
}
