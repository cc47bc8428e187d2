using Goroutines.Workbook.Cli.Commands;
using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Grading;
using Notebooks.Tests.Support;

namespace Notebooks.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Run_takes_notebooks_and_a_cell_time_limit()
    {
        var command = CommandLine.Parse(["run", "a.ipynb", "--timeout", "20", "b.ipynb"]);

        Assert.Equal("run", command.Verb);
        Assert.Equal(["a.ipynb", "b.ipynb"], command.Paths);
        Assert.Equal(TimeSpan.FromSeconds(20), command.CellTimeout);
    }

    [Fact]
    public void Export_defaults_to_the_standard_cell_limit_and_takes_an_output_folder()
    {
        var command = CommandLine.Parse(["export", "--out", "public"]);

        Assert.Equal("public", command.OutFolder);
        Assert.Equal(RunnerOptions.DefaultCellTimeout, command.CellTimeout);
    }

    [Theory]
    [InlineData("run --timeout", "--timeout needs a positive number")]
    [InlineData("run a.ipynb --timeout", "--timeout needs a positive number")]
    [InlineData("run --timeout soon", "--timeout needs a positive number")]
    [InlineData("export --out", "--out needs a folder")]
    [InlineData("images --bogus", "unknown option '--bogus'")]
    [InlineData("frobnicate", "unknown verb 'frobnicate'")]
    [InlineData("grade", "grade needs the folder of submitted notebooks")]
    [InlineData("grade a b", "'b' is one too many")]
    [InlineData("grade a --jobs 0", "--jobs needs a positive whole number")]
    [InlineData("grade a --memory lots", "--memory needs a positive whole number")]
    [InlineData("grade a --notebook-timeout", "--notebook-timeout needs a positive number of seconds")]
    [InlineData("run --timeout -3", "--timeout needs a positive number")]
    [InlineData("run --out x", "--out is an option of export")]
    [InlineData("export a.ipynb", "takes no notebook paths")]
    [InlineData("run --fast", "unknown option '--fast'")]
    public void Bad_arguments_say_what_is_wrong(string args, string message)
    {
        var e = Assert.Throws<CommandLineException>(() => CommandLine.Parse(args.Split(' ')));

        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Grade_takes_a_folder_and_its_limits()
    {
        var command = CommandLine.Parse(["grade", "class", "--jobs", "3", "--out", "book", "--timeout", "30", "--notebook-timeout", "200", "--memory", "768", "--roster", "r.txt"]);

        Assert.Equal("grade", command.Verb);
        var grade = command.Grade!;
        Assert.Equal("class", grade.Folder);
        Assert.Equal(3, grade.Jobs);
        Assert.Equal("book", grade.OutFolder);
        Assert.Equal(TimeSpan.FromSeconds(30), grade.CellTimeout);
        Assert.Equal(TimeSpan.FromSeconds(200), grade.NotebookTimeout);
        Assert.Equal(768, grade.MemoryMegabytes);
        Assert.Equal("r.txt", grade.Roster);
    }

    [Fact]
    public void Grade_defaults_to_one_kernel_per_core_and_its_own_limits()
    {
        var grade = CommandLine.Parse(["grade", "class"]).Grade!;

        Assert.Equal(Environment.ProcessorCount, grade.Jobs);
        Assert.Null(grade.OutFolder);
        Assert.Equal(GradeOptions.DefaultCellTimeout, grade.CellTimeout);
        Assert.Equal(GradeOptions.DefaultMemoryMegabytes, grade.MemoryMegabytes);
    }

    [Theory]
    [InlineData("run", "--timeout")]
    [InlineData("export", "--out")]
    [InlineData("images", "--out")]
    [InlineData("grade", "--notebook-timeout")]
    public void Each_verb_has_help_that_names_its_options(string verb, string option)
    {
        var command = CommandLine.Parse([verb, "--help"]);

        Assert.Equal("help", command.Verb);
        Assert.Matches($@"Usage:\s+\S+ {verb} [\[<]", command.HelpText); // "workbook run [<notebooks>...] [options]"
        Assert.Contains(option, command.HelpText);
    }

    [Fact]
    public void No_arguments_is_the_help_that_lists_every_verb()
    {
        var command = CommandLine.Parse([]);

        Assert.Equal("help", command.Verb);
        foreach (var verb in CommandSyntax.Verbs)
            Assert.Contains(verb, command.HelpText);
    }

    [Fact]
    public void Staging_without_a_built_library_says_how_to_build_it()
    {
        var empty = Repo.FreshTempFolder("workbook-nolib");
        var layout = new RepoLayout(Repo.FreshTempFolder("workbook-repo"));

        var e = Assert.Throws<LibraryMissingException>(() => LibraryStager.Stage(layout, empty));

        Assert.Contains("Goroutines.dll is not in", e.Message);
        Assert.Contains("dotnet build GoroutineWorkbook.sln", e.Message);
    }

    [Fact]
    public void Staging_copies_the_library_once_and_then_only_when_it_changed()
    {
        var layout = new RepoLayout(Repo.FreshTempFolder("workbook-repo"));

        var first = LibraryStager.Stage(layout, AppContext.BaseDirectory);
        var second = LibraryStager.Stage(layout, AppContext.BaseDirectory);

        Assert.Contains("Goroutines.dll", first);
        Assert.Contains("Goroutines.Workbook.dll", first);
        Assert.Empty(second);
        Assert.Equal(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Goroutines.dll")),
                     File.ReadAllBytes(Path.Combine(layout.LibraryFolder, "Goroutines.dll")));
    }
}
