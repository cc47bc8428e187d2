using System.Text.Json;

namespace Goroutines.Workbook.Plotting;

/// <summary>plotly.js names its attributes in lower case: HoverTemplate → "hovertemplate", XAxis → "xaxis".</summary>
internal sealed class LowerCaseNamingPolicy : JsonNamingPolicy
{
    public override string ConvertName(string name) => name.ToLowerInvariant();
}
