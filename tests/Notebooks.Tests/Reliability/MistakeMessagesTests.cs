using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Kernel;
using Notebooks.Tests.Support;

namespace Notebooks.Tests.Reliability;

/// <summary>
/// Issue 11.3 in the real kernel: library misuse shows its advice and the line of the student's cell, not the
/// library's stack frames (the kernel prints an exception's ToString()); a run that ends with an operation never
/// awaited, or with a goroutine that held its P far past 10 ms, says so in what the cell shows.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class MistakeMessagesTests
{
    private static readonly TimeSpan CellLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Mistakes_show_advice_and_warnings_not_library_stack_frames()
    {
        LibraryStager.Stage(Repo.Layout);
        var launch = await KernelLocator.LocateAsync(Repo.Layout.Notebooks, Repo.Root);
        await using var kernel = await KernelProcess.StartAsync(launch, Repo.Layout.Notebooks, TimeSpan.FromMinutes(2));

        async Task<(SubmissionResult Result, string Text)> Cell(string code)
        {
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
            """);
        Assert.True(load.Result.Status == SubmissionStatus.Succeeded, load.Text);

        var outside = await Cell("""
            var x = 1;
            Go(() => Println(x));
            """);
        Assert.Equal(SubmissionStatus.Failed, outside.Result.Status);
        Assert.StartsWith("Go(...) was called outside a goroutine.", outside.Result.Message);
        Assert.Contains("(in your cell, line 2)", outside.Result.Message);
        AssertNoLibraryFrames(outside.Result.Message!);

        var badOptions = await Cell("""
            void Helper() => Run(() => { }, new RunOptions { MaxProcs = 0 });
            Helper();
            """);
        Assert.Equal(SubmissionStatus.Failed, badOptions.Result.Status);
        Assert.StartsWith("MaxProcs (GOMAXPROCS) must be at least 1", badOptions.Result.Message);
        Assert.Contains("(in your cell, in Helper())", badOptions.Result.Message);
        AssertNoLibraryFrames(badOptions.Result.Message!);

        var forgotten = await Cell("""
            RunResult run = Run(async () =>
            {
                var wg = new WaitGroup();
                for (var i = 0; i < 3; i++) { var n = i; wg.Add(1); Go(async () => { Println(n); wg.Done(); }); }
                wg.Wait();
            }, new RunOptions { MaxProcs = 1 });
            run
            """);
        Assert.Equal(SubmissionStatus.Succeeded, forgotten.Result.Status);
        Assert.Contains("warning: goroutine 1 called wg.Wait() and never awaited it, so it did not wait for it. Write `await wg.Wait()`.", forgotten.Text);

        var sleeper = await Cell("""
            var slept = Run(async () =>
            {
                var wg = new WaitGroup();
                wg.Add(1);
                Go(() => { System.Threading.Thread.Sleep(400); wg.Done(); });
                await wg.Wait();
            }, new RunOptions { MaxProcs = 1 });
            string.Join("\n", slept.Warnings)
            """);
        Assert.Equal(SubmissionStatus.Succeeded, sleeper.Result.Status);
        Assert.Contains("warning: goroutine 6 ran for", sleeper.Text);
        Assert.Contains("Use `await Work(d)` for CPU work and `await Sleep(d)` to wait.", sleeper.Text);
    }

    private static void AssertNoLibraryFrames(string message)
    {
        Assert.DoesNotContain("at Goroutines.", message);
        Assert.DoesNotContain("Runtime.cs", message);
        Assert.DoesNotContain("Microsoft.CodeAnalysis.Scripting", message);
    }
}
