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

    [Fact]
    public void StepUntil_an_event_kind_names_the_event_it_stopped_at_in_the_title()
    {
        using var run = Start(ViewProgram.Body, ViewProgram.Options);
        var stepper = Views.Stepper(run);

        var picture = stepper.StepUntil(EventKind.GoSyscallBegin);

        var syscall = run.Events.Single(e => e.Kind == EventKind.GoSyscallBegin);
        Assert.Equal($"G-M-P after step {stepper.Steps}: stopped at GoSyscallBegin on P{syscall.P} (G{syscall.G})", picture.Title);
        Assert.Contains(syscall.Reason, picture.StepReasons);
    }

    [Fact]
    public void StepUntil_whose_event_never_comes_says_so_and_where_the_run_ended()
    {
        using var run = Start(ViewProgram.Body, ViewProgram.Options);
        var stepper = Views.Stepper(run);
        stepper.StepUntil(EventKind.GoSyscallBegin);
        var from = stepper.Steps;

        var picture = stepper.StepUntil(EventKind.GoSyscallBegin);   // the only syscall has begun already

        Assert.True(stepper.Ended);
        Assert.Equal($"G-M-P after step {stepper.Steps}: no GoSyscallBegin after step {from}; the run ended at step {stepper.Steps}", picture.Title);
        var described = stepper.StepUntil(e => e.Kind == EventKind.GoSyscallBegin && e.G == 99, "syscall of G99");
        Assert.Equal($"G-M-P after step {stepper.Steps}: no syscall of G99 after step {stepper.Steps}; the run ended at step {stepper.Steps}", described.Title);
    }

    [Fact]
    public void A_step_after_the_end_says_there_is_nothing_more_to_step()
    {
        using var run = Start(ViewProgram.Body, ViewProgram.Options);
        var stepper = Views.Stepper(run);
        stepper.Step(100_000);
        var steps = stepper.Steps;

        var again = stepper.Step();

        Assert.Equal(steps, stepper.Steps);
        Assert.Equal($"G-M-P after step {steps}: nothing more to step; the run has ended", again.Title);
    }

    [Fact]
    public void The_picture_of_an_ended_run_shows_no_P_running_and_says_the_run_ended()
    {
        using var run = Start(ViewProgram.Body, ViewProgram.Options);
        var stepper = Views.Stepper(run);

        var last = stepper.Step(100_000);

        Assert.True(last.Snapshot.Ended);
        Assert.DoesNotMatch(@"<title>P\d+: running", last.Svg);   // no P labelled running…
        Assert.Matches(@"<title>P0: stopped", last.Svg);           // …but stopped
        Assert.Contains("no M: the run has ended", last.Svg);
        Assert.StartsWith("The run has ended", GmpSvg.Summary(last.Snapshot));
        Assert.DoesNotContain(run.Snapshot.Ps, p => p.M != null);
    }
}
