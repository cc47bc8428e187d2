using Goroutines.Workbook.Cli.Commands;
using Goroutines.Workbook.Cli.Execution;
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
    [InlineData("run --timeout -3", "--timeout needs a positive number")]
    [InlineData("run --out x", "--out is an option of export")]
    [InlineData("export a.ipynb", "takes no notebook paths")]
    [InlineData("run --fast", "unknown option '--fast'")]
    public void Bad_arguments_say_what_is_wrong(string args, string message)
    {
        var e = Assert.Throws<CommandLineException>(() => CommandLine.Parse(args.Split(' ')));

        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("run", "--timeout")]
    [InlineData("export", "--out")]
    [InlineData("images", "--out")]
    public void Each_verb_has_help_that_names_its_options(string verb, string option)
    {
        var command = CommandLine.Parse([verb, "--help"]);

        Assert.Equal("help", command.Verb);
        Assert.Contains($" {verb} [", command.HelpText); // the usage line: "workbook run [<notebooks>...] [options]"
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
