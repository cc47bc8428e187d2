using Goroutines.Workbook.Formatting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Tests.GmpViews;

/// <summary>The views display themselves as text/html in a notebook, with no set-up call, even after a formatter reset.</summary>
public class ViewFormatterTests
{
    private static int HtmlFormattersFor<T>() =>
        Formatter.RegisteredFormatters(false).Count(f => f.Type == typeof(T) && f.MimeType == "text/html");

    [Fact]
    public void Making_a_view_registers_the_formatters_again_after_a_reset()
    {
        Formatter.ResetToDefault();
        Assert.Equal(0, HtmlFormattersFor<GmpDiagram>());

        using var run = Start(ViewProgram.Body, ViewProgram.Options);
        var diagram = Views.Diagram(run);

        Assert.Equal(1, HtmlFormattersFor<GmpDiagram>());
        Assert.Equal(1, HtmlFormattersFor<Scrubber>());
        Assert.Equal(1, HtmlFormattersFor<Stepper>());
        Assert.Contains("<svg ", Formatter.ToDisplayString(diagram, "text/html"));
        Assert.Contains("G-M-P after", Formatter.ToDisplayString(diagram, "text/plain"));
        WorkbookFormatters.Register();
        Assert.Equal(1, HtmlFormattersFor<GmpDiagram>());
    }

    [Fact]
    public async Task A_CSharp_kernel_displays_a_stepper_picture_and_a_scrubber_as_html()
    {
        using var kernel = new CSharpKernel();
        var workbook = typeof(Views).Assembly.Location;
        var goroutines = typeof(Runtime).Assembly.Location;

        await kernel.SubmitCodeAsync($"#r \"{goroutines}\"\n#r \"{workbook}\"\nusing Goroutines; using Goroutines.Workbook; using static Goroutines.Runtime;");
        await kernel.SubmitCodeAsync("async System.Threading.Tasks.Task Body() { var wg = new WaitGroup(); for (var i = 0; i < 3; i++) { wg.Add(1); Go(() => wg.Done()); } await wg.Wait(); }");
        var step = await kernel.SubmitCodeAsync("var run = Start(Body, new RunOptions { MaxProcs = 2, Seed = 7 }); var stepper = Views.Stepper(run); stepper.Step()");
        var scrub = await kernel.SubmitCodeAsync("Views.Scrubber(Body, new RunOptions { MaxProcs = 2, Seed = 7 })");
        await kernel.SubmitCodeAsync("run.Dispose();");

        foreach (var (result, marker) in new[] { (step, "class=\"goroutines-diagram\""), (scrub, "class=\"goroutines-scrubber\"") })
        {
            Assert.DoesNotContain(result.Events, e => e is CommandFailed);
            var html = result.Events.OfType<ReturnValueProduced>().Single().FormattedValues.Single(v => v.MimeType == "text/html").Value;
            Assert.Contains(marker, html);
            Assert.Contains("<svg ", html);
        }
    }
}
