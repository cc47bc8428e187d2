using Goroutines.Workbook.Plotting;
using Plotly.NET;

namespace Goroutines.Workbook;

/// <summary>What the workbook adds to every Plotly.NET chart: its caption, and HTML that draws it offline.</summary>
public static class WorkbookChartExtensions
{
    extension(GenericChart chart)
    {
        /// <summary>The one line under the chart that says what to see (its Plotly.NET description); "" when it has none.</summary>
        public string Caption => PlotlyParts.CaptionOf(chart);

        /// <summary>The chart as the notebook shows it: a div, its caption and the script that draws it (plotly.js inline the first time).</summary>
        public string ToHtml() => ChartHtml.Shared.Render(chart);
    }
}
