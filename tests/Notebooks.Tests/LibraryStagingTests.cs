using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Kernel;
using Notebooks.Tests.Support;

namespace Notebooks.Tests;

/// <summary>The lessons' library folder (artifacts/lib) can be refreshed while a kernel has the library loaded.</summary>
[Collection(KernelCollection.Name)]
public sealed class LibraryStagingTests
{
    private const string RunAndChart = """
        var r = Goroutines.Runtime.Run(async () =>
        {
            var wg = new Goroutines.WaitGroup();
            for (var i = 0; i < 3; i++) { wg.Add(1); Goroutines.Runtime.Go(async () => { Goroutines.Runtime.Println(1); wg.Done(); }); }
            await wg.Wait();
        }, new Goroutines.RunOptions { MaxProcs = 1 });
        Goroutines.Workbook.Charts.Timeline(r)
        """;

    [Fact]
    public async Task Restaging_a_changed_library_does_not_break_a_kernel_that_has_it_loaded()
    {
        LibraryStager.Stage(Repo.Layout);
        var launch = await KernelLocator.LocateAsync(Repo.Layout.Notebooks, Repo.Root);
        await using var kernel = await KernelProcess.StartAsync(launch, Repo.Layout.Notebooks, TimeSpan.FromMinutes(2));
        var load = await kernel.SubmitAsync("#r \"../artifacts/lib/Goroutines.dll\"\n#r \"../artifacts/lib/Goroutines.Workbook.dll\"", "csharp", TimeSpan.FromMinutes(1));
        Assert.True(load.Status == SubmissionStatus.Succeeded, load.Message);
        var before = await kernel.SubmitAsync(RunAndChart, "csharp", TimeSpan.FromMinutes(1));
        Assert.True(before.Status == SubmissionStatus.Succeeded, before.Message);

        // A "rebuild": different bytes for every staged DLL (trailing bytes after a PE image are ignored by the loader).
        var rebuilt = Repo.FreshTempFolder("workbook-rebuilt");
        foreach (var name in LibraryStager.Assemblies)
        {
            var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, name + ".dll"));
            File.WriteAllBytes(Path.Combine(rebuilt, name + ".dll"), [.. bytes, .. new byte[4096]]);
        }
        try
        {
            var changed = LibraryStager.Stage(Repo.Layout, rebuilt);
            Assert.Contains("Goroutines.dll", changed);

            var after = await kernel.SubmitAsync(RunAndChart, "csharp", TimeSpan.FromMinutes(1));
            Assert.True(after.Status == SubmissionStatus.Succeeded, after.Message);
            Assert.False(kernel.HasExited);
        }
        finally
        {
            LibraryStager.Stage(Repo.Layout);
            Directory.Delete(rebuilt, recursive: true);
        }
    }
}
