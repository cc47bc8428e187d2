using System.Diagnostics;
using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Kernel;
using Notebooks.Tests.Support;

namespace Notebooks.Tests.Reliability;

/// <summary>
/// Issue 7, faults in the real kernel: a student's session full of mistakes — a goroutine that loops
/// forever with no safe point, a deadlock, a panic, a library call outside a run, bad options — and
/// the kernel answers every cell, in time, and keeps working. And when student code does kill the
/// kernel (an unhandled exception on a thread of its own), the runner says so and goes no further.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class ClassroomSessionTests
{
    private static readonly TimeSpan CellLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_session_of_mistakes_gets_an_answer_for_every_cell_and_the_kernel_stays_responsive()
    {
        LibraryStager.Stage(Repo.Layout);
        var launch = await KernelLocator.LocateAsync(Repo.Layout.Notebooks, Repo.Root);
        await using var kernel = await KernelProcess.StartAsync(launch, Repo.Layout.Notebooks, TimeSpan.FromMinutes(2));

        async Task<(SubmissionResult Result, string Text)> Cell(string code)
        {
            var watch = Stopwatch.StartNew();
            var result = await kernel.SubmitAsync(code, "csharp", CellLimit);
            Assert.True(result.Status is SubmissionStatus.Succeeded or SubmissionStatus.Failed, $"{result.Status}: {result.Message}\n{code}");
            var text = string.Join("\n", NotebookRunner.CollectOutputs(result.Events).Select(o => o.Text)) + (result.Message ?? "");
            return (result, text);
        }

        var load = await Cell("""
            #r "../artifacts/lib/Goroutines.dll"
            #r "../artifacts/lib/Goroutines.Workbook.dll"
            using Goroutines;
            using static Goroutines.Runtime;
            public static class Spin { public static volatile bool On = true; }
            """);
        Assert.True(load.Result.Status == SubmissionStatus.Succeeded, load.Text);

        // A goroutine in a call-free loop: the run ends at its limit with a report; the cell returns.
        var watch = Stopwatch.StartNew();
        var stuck = await Cell("""
            var stuck = Run(async () => { Go(() => { while (Spin.On) { } }); await Gosched(); },
                            new RunOptions { MaxProcs = 1, Timeout = TimeSpan.FromSeconds(1) });
            Console.WriteLine($"{stuck.Outcome}, threads left: {stuck.ThreadsLeft}");
            Console.WriteLine(stuck.Message);
            """);
        watch.Stop();
        Assert.True(stuck.Result.Status == SubmissionStatus.Succeeded, stuck.Text);
        Assert.True(stuck.Text.Contains("TimedOut, threads left: 1"), stuck.Text);
        Assert.True(stuck.Text.Contains("goroutine 6 [running]"), stuck.Text);
        Assert.True(stuck.Text.Contains(".NET cannot kill a thread"), stuck.Text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(45), $"the cell took {watch.Elapsed}");

        // While that thread still spins, the kernel keeps answering: a deadlock, a panic, a misuse.
        var deadlock = await Cell("Run(async () => await new Chan<int>().Recv(), new RunOptions { MaxProcs = 2 }).Message");
        Assert.True(deadlock.Text.Contains("fatal error: all goroutines are asleep - deadlock!") && deadlock.Text.Contains("goroutine 1 [chan receive]:"), deadlock.Text);

        var panic = await Cell("""Run(async () => { Go(() => throw new InvalidOperationException("oops")); await Sleep(TimeSpan.FromMilliseconds(50)); }).Message""");
        Assert.True(panic.Result.Status == SubmissionStatus.Succeeded && panic.Text.Contains("panic: System.InvalidOperationException: oops"), panic.Text);

        var misuse = await Cell("Go(() => Println(1));");
        Assert.True(misuse.Result.Status == SubmissionStatus.Failed, misuse.Text);
        Assert.True(misuse.Text.Contains("was called outside a goroutine") && misuse.Text.Contains("inside the function you pass to Runtime.Run"), misuse.Text);

        var bad = await Cell("Run(() => { }, new RunOptions { MaxProcs = 0 });");
        Assert.True(bad.Result.Status == SubmissionStatus.Failed && bad.Text.Contains("MaxProcs (GOMAXPROCS) must be at least 1"), bad.Text);

        // Stop the stuck loop; the kernel is as good as new.
        var fine = await Cell("""
            Spin.On = false;
            Run(async () => { var ch = new Chan<int>(); Go(async () => await ch.Send(7)); Println(await ch.Recv()); }).OutputLine
            """);
        Assert.True(fine.Result.Status == SubmissionStatus.Succeeded && fine.Text.Contains("7"), fine.Text);
        Assert.False(kernel.HasExited);
    }

    [Fact]
    public async Task A_kernel_killed_by_an_unhandled_exception_on_a_thread_is_reported_as_crashed_and_the_rest_not_run()
    {
        var notebook = NotebookFromCells(
            "Console.WriteLine(\"alive\");",
            "new System.Threading.Thread(() => throw new InvalidOperationException(\"escaped\")).Start(); System.Threading.Thread.Sleep(10000);",
            "Console.WriteLine(\"never reached\");");
        var runner = new NotebookRunner(Repo.Layout, new RunnerOptions { CellTimeout = TimeSpan.FromSeconds(60) }, SilentProgress.Instance);

        var watch = Stopwatch.StartNew();
        var result = await runner.RunAsync(notebook);

        Assert.Null(result.KernelError);
        Assert.Equal(CellStatus.Ok, result.Cells[0].Status);
        Assert.Equal(CellStatus.KernelCrashed, result.Cells[1].Status);
        Assert.Matches("the kernel process exited with code \\d+ while the cell ran", result.Cells[1].Error);
        Assert.Equal(CellStatus.NotRun, result.Cells[2].Status);
        Assert.Contains("stopped the kernel", result.Cells[2].Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(120), $"took {watch.Elapsed}");
    }

    private static Goroutines.Workbook.Cli.Notebooks.NotebookDocument NotebookFromCells(params string[] sources)
    {
        var cells = sources.Select((s, i) => new Goroutines.Workbook.Cli.Notebooks.NotebookCell(i + 1, Goroutines.Workbook.Cli.Notebooks.CellKind.Code, "csharp", s)).ToList();
        return new Goroutines.Workbook.Cli.Notebooks.NotebookDocument(Repo.TestData("generated.ipynb"), "generated", cells);
    }
}
