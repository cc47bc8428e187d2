using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Goroutines.Workbook.Exercises;
using Goroutines.Workbook.Loading;
using Goroutines.Workbook.Plotting;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace Goroutines.Workbook.Formatting;

/// <summary>
/// Teaches the notebook how to display the workbook's types (a Plotly.NET chart as an interactive chart that works offline,
/// the G-M-P views as SVG).
/// It happens by itself when the library is first used: a DLL loaded with #r "path" gets no kernel
/// extension, but its module initializer does run.
/// </summary>
public static class WorkbookFormatters
{
    private const string Html = "text/html";
    private const string PlainText = "text/plain";
    private static readonly object Gate = new();

    // Runs once, on first use of this assembly.
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "A notebook loads this library with #r and expects its charts to display with no set-up call.")]
    internal static void OnLoad()
    {
        FSharpCoreResolution.Install(); // before anything touches Plotly.NET
        EnsureRegistered();
    }

    /// <summary>Registers the formatters unless they are; does nothing where the Formatting library is missing.</summary>
    internal static void EnsureRegistered()
    {
        try
        {
            Register();
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException)
        {
            // Microsoft.DotNet.Interactive.Formatting is not there (a plain console app): nothing to register.
        }
    }

    /// <summary>Registers the formatters if they are not registered (again, e.g. after Formatter.ResetToDefault()).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Register()
    {
        lock (Gate)
        {
            if (IsRegistered())
                return;
            // A chart's runtime type is GenericChart.Chart or GenericChart.MultiChart: a formatter for those is more specific
            // than one for GenericChart, so ours wins over Plotly.NET.Interactive's (CDN-loaded, blank offline) when a
            // student adds #r "nuget: Plotly.NET.Interactive" after the workbook registered.
            foreach (var type in ChartTypes)
            {
                Formatter.Register(type, (chart, writer) => writer.Write(ChartHtml.Shared.Render((GenericChart)chart)), Html);
                Formatter.Register(type, (chart, writer) => writer.Write(Describe((GenericChart)chart)), PlainText);
            }
            Formatter.Register<GmpDiagram>((diagram, writer) => writer.Write(diagram.ToHtml()), Html);
            Formatter.Register<GmpDiagram>((diagram, writer) => writer.Write(diagram.ToString()), PlainText);
            Formatter.Register<Scrubber>((scrubber, writer) => writer.Write(scrubber.ToHtml()), Html);
            Formatter.Register<Scrubber>((scrubber, writer) => writer.Write(scrubber.ToString()), PlainText);
            Formatter.Register<Twin>((twin, writer) => writer.Write(twin.ToHtml()), Html);
            Formatter.Register<Twin>((twin, writer) => writer.Write(twin.ToString()), PlainText);
            Formatter.Register<Stepper>((stepper, writer) => writer.Write(stepper.Current.ToHtml()), Html);
            Formatter.Register<Stepper>((stepper, writer) => writer.Write(stepper.Current.ToString()), PlainText);
            Formatter.Register<ExerciseResult>((result, writer) => writer.Write(result.ToHtml()), Html);
            Formatter.Register<ExerciseResult>((result, writer) => writer.Write(result.ToString()), PlainText);
            Formatter.Register<ExerciseView>((view, writer) => writer.Write(view.ToHtml()), Html);
            Formatter.Register<ExerciseView>((view, writer) => writer.Write(view.ToString()), PlainText);
        }
    }

    // The classes a Plotly.NET chart is an instance of.
    private static readonly Type[] ChartTypes = [typeof(GenericChart), typeof(GenericChart.Chart), typeof(GenericChart.MultiChart)];

    // "Chart "Run queues" with 3 trace(s): caption", for plain-text outputs.
    internal static string Describe(GenericChart chart)
    {
        var caption = PlotlyParts.CaptionOf(chart);
        return $"Chart \"{PlotlyParts.TitleOf(chart)}\" with {GenericChart.countTrace(chart)} trace(s)" + (caption.Length > 0 ? $": {caption}" : "");
    }

    // True when our text/html formatter for charts is among the registered ones.
    private static bool IsRegistered() =>
        Formatter.RegisteredFormatters(false).Any(f => f.Type == typeof(GenericChart.Chart) && f.MimeType == Html);
}
