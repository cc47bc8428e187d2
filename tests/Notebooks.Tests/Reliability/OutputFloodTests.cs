using System.Diagnostics;
using System.Text.Json;
using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Kernel;

namespace Notebooks.Tests.Reliability;

/// <summary>
/// Issue 7, the runner under load: a student's runaway print loop sends the runner hundreds of
/// thousands of output events. Collecting them must take time proportional to the output, not its
/// square (which hung `workbook run` for minutes after the cell had finished).
/// </summary>
public sealed class OutputFloodTests
{
    private static KernelEvent Event(string type, string text)
    {
        var json = JsonSerializer.Serialize(new
        {
            eventType = type,
            @event = new { formattedValues = new[] { new { mimeType = "text/plain", value = text } } },
            command = new { token = "workbook-1" },
        });
        return KernelEvent.TryParse(json)!;
    }

    [Fact]
    public void Two_hundred_thousand_printed_lines_are_collected_into_one_output_in_seconds()
    {
        var events = new List<KernelEvent>();
        for (var i = 0; i < 200_000; i++) events.Add(Event("StandardOutputValueProduced", $"line {i} of a student's runaway print loop\n"));

        var watch = Stopwatch.StartNew();
        var outputs = NotebookRunner.CollectOutputs(events);
        watch.Stop();

        var output = Assert.Single(outputs);
        Assert.Equal(OutputKind.StandardOutput, output.Kind);
        Assert.StartsWith("line 0 of", output.Text);
        Assert.EndsWith("line 199999 of a student's runaway print loop\n", output.Text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"collecting took {watch.Elapsed}");
    }

    [Fact]
    public void Interleaved_output_and_error_text_keep_their_order_and_merge_only_runs_of_one_kind()
    {
        var outputs = NotebookRunner.CollectOutputs(
        [
            Event("StandardOutputValueProduced", "a"), Event("StandardOutputValueProduced", "b"),
            Event("StandardErrorValueProduced", "E"),
            Event("StandardOutputValueProduced", "c"),
            Event("DisplayedValueProduced", "<b>shown</b>"),
            Event("StandardOutputValueProduced", "d"), Event("StandardOutputValueProduced", "e"),
        ]);

        Assert.Equal(
            [(OutputKind.StandardOutput, "ab"), (OutputKind.StandardError, "E"), (OutputKind.StandardOutput, "c"),
             (OutputKind.Display, "<b>shown</b>"), (OutputKind.StandardOutput, "de")],
            outputs.Select(o => (o.Kind, o.Text)));
    }
}
