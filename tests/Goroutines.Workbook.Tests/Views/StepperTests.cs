using Microsoft.DotNet.Interactive.Formatting;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Tests.GmpViews;

/// <summary>The stepper: one step per call, each returning the picture after it with the step's reason.</summary>
public class StepperTests
{
    [Fact]
    public void Each_step_moves_the_run_and_the_picture_shows_the_new_reason()
    {
        using var run = Start(ViewProgram.Body, ViewProgram.Options);
        var stepper = Views.Stepper(run);

        var before = run.Snapshot.EventCount;
        var first = stepper.Step();
        var second = stepper.Step();

        Assert.True(first.Snapshot.EventCount > before);
        Assert.True(second.Snapshot.EventCount > first.Snapshot.EventCount);
        Assert.Equal(run.Reason, second.Reason);
        // The caption holds the rule of every event the step made, in order.
        Assert.Equal(run.Events.Skip((int)first.Snapshot.EventCount).Select(e => e.Reason), second.StepReasons);
        Assert.Equal(2, stepper.Steps);
        Assert.Equal("G-M-P after step 2", second.Title);
        Assert.Contains(second.Reason.Split(' ')[0], second.Svg);
    }

    [Fact]
    public void StepUntil_stops_at_the_matching_event_and_the_stepper_displays_its_current_picture()
    {
        using var run = Start(ViewProgram.Body, ViewProgram.Options);
        var stepper = Views.Stepper(run);

        var picture = stepper.StepUntil(e => e.Kind == EventKind.RunqSteal || e.Kind == EventKind.GoSyscallBegin);

        Assert.Contains(run.Events, e => e.Kind is EventKind.RunqSteal or EventKind.GoSyscallBegin);
        Assert.Equal(picture.Svg, stepper.Current.Svg);
        Assert.Contains(picture.Svg, Formatter.ToDisplayString(stepper, "text/html"));
    }

    [Fact]
    public void Stepping_past_the_end_shows_the_last_picture()
    {
        using var run = Start(ViewProgram.Body, ViewProgram.Options);
        var stepper = Views.Stepper(run);

        var last = stepper.Step(100_000);

        Assert.True(stepper.Ended);
        Assert.EndsWith("the run has ended", last.Title);
    }
}
