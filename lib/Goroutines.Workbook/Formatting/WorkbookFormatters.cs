using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Goroutines.Workbook.Exercises;
using Goroutines.Workbook.Plotting;
using Microsoft.DotNet.Interactive.Formatting;

namespace Goroutines.Workbook.Formatting;

/// <summary>
/// Teaches the notebook how to display the workbook's types (a Figure as an interactive chart, the G-M-P views as SVG).
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
    internal static void OnLoad() => EnsureRegistered();

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
            Formatter.Register<Figure>((figure, writer) => writer.Write(FigureHtml.Shared.Render(figure)), Html);
            Formatter.Register<Figure>((figure, writer) => writer.Write(figure.ToString()), PlainText);
            Formatter.Register<GmpDiagram>((diagram, writer) => writer.Write(diagram.ToHtml()), Html);
            Formatter.Register<GmpDiagram>((diagram, writer) => writer.Write(diagram.ToString()), PlainText);
            Formatter.Register<Scrubber>((scrubber, writer) => writer.Write(scrubber.ToHtml()), Html);
            Formatter.Register<Scrubber>((scrubber, writer) => writer.Write(scrubber.ToString()), PlainText);
            Formatter.Register<Stepper>((stepper, writer) => writer.Write(stepper.Current.ToHtml()), Html);
            Formatter.Register<Stepper>((stepper, writer) => writer.Write(stepper.Current.ToString()), PlainText);
            Formatter.Register<ExerciseResult>((result, writer) => writer.Write(result.ToHtml()), Html);
            Formatter.Register<ExerciseResult>((result, writer) => writer.Write(result.ToString()), PlainText);
            Formatter.Register<ExerciseView>((view, writer) => writer.Write(view.ToHtml()), Html);
            Formatter.Register<ExerciseView>((view, writer) => writer.Write(view.ToString()), PlainText);
        }
    }

    // True when a text/html formatter for Figure is among the registered ones.
    private static bool IsRegistered() =>
        Formatter.RegisteredFormatters(false).Any(f => f.Type == typeof(Figure) && f.MimeType == Html);
}
