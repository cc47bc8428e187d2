using Goroutines.Workbook.Cli.Notebooks;
using Notebooks.Tests.Support;

namespace Notebooks.Tests;

public sealed class NotebookParserTests
{
    private const string VsCodeSaved = """
        {
          "cells": [
            { "cell_type": "markdown", "metadata": {}, "source": ["# Title here\n", "text"] },
            { "cell_type": "code", "metadata": {}, "outputs": [], "source": ["var x = 1;\n", "x"] },
            { "cell_type": "code", "metadata": { "polyglot_notebook": { "kernelName": "fsharp" } }, "outputs": [], "source": "1 + 1" },
            { "cell_type": "code", "metadata": { "dotnet_interactive": { "language": "markdown" } }, "outputs": [], "source": "*md*" }
          ],
          "metadata": { "kernelspec": { "name": ".net-csharp", "language": "C#" } },
          "nbformat": 4, "nbformat_minor": 2
        }
        """;

    [Fact]
    public void Code_cells_without_kernel_metadata_are_csharp()
    {
        var doc = NotebookParser.Parse("x.ipynb", VsCodeSaved);

        Assert.Equal("csharp", doc.Cells[1].KernelName);
        Assert.Equal("var x = 1;\nx", doc.Cells[1].Source);
    }

    [Fact]
    public void A_cell_names_its_own_kernel_and_markdown_kernel_cells_are_prose()
    {
        var doc = NotebookParser.Parse("x.ipynb", VsCodeSaved);

        Assert.Equal("fsharp", doc.Cells[2].KernelName);
        Assert.Equal(CellKind.Markdown, doc.Cells[3].Kind);
        Assert.Equal([2, 3], doc.CodeCells.Select(c => c.Number));
    }

    [Fact]
    public void The_title_is_the_first_markdown_heading()
    {
        Assert.Equal("Title here", NotebookParser.Parse("x.ipynb", VsCodeSaved).Title);
    }

    [Fact]
    public void A_title_with_inline_code_is_plain_text()
    {
        var notebook = """{ "cells": [ { "cell_type": "markdown", "metadata": {}, "source": ["# 02 · What `go func()` does\n"] } ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5 }""";
        Assert.Equal("02 · What go func() does", NotebookParser.Parse("x.ipynb", notebook).Title);
    }

    [Theory]
    [InlineData("{\"cells\": [", "JSON is malformed")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("{\"metadata\": {}}", "no \"cells\" array")]
    [InlineData("{\"cells\": [{\"cell_type\": \"picture\", \"source\": \"\"}]}", "cell 1 has cell_type \"picture\"")]
    public void Malformed_notebooks_are_rejected_with_what_is_wrong(string json, string problem)
    {
        var e = Assert.Throws<NotebookFormatException>(() => NotebookParser.Parse("bad.ipynb", json));

        Assert.Contains("bad.ipynb is not a valid notebook", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Lessons_are_committed_without_outputs_and_with_the_csharp_kernelspec()
    {
        foreach (var lesson in Repo.Layout.Lessons)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(lesson));
            var root = doc.RootElement;
            Assert.Equal(".net-csharp", root.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
            foreach (var cell in root.GetProperty("cells").EnumerateArray())
            {
                if (cell.TryGetProperty("outputs", out var outputs))
                    Assert.True(outputs.GetArrayLength() == 0, $"{Path.GetFileName(lesson)} is committed with outputs; clear them before committing.");
            }
        }
    }

    [Fact]
    public void Every_lesson_references_the_staged_library_in_its_first_code_cell()
    {
        foreach (var lesson in Repo.Layout.Lessons)
        {
            var doc = NotebookParser.Load(lesson);
            var first = doc.CodeCells.First().Source;
            Assert.Contains("#r \"../artifacts/lib/Goroutines.dll\"", first);
            Assert.Contains("#r \"../artifacts/lib/Goroutines.Workbook.dll\"", first);
            // A path into a project's bin/ folder would tie the lesson to one configuration and break on rebuilds.
            Assert.DoesNotContain(doc.CodeCells, c => c.Source.Contains("/bin/Debug/") || c.Source.Contains("/bin/Release/"));
        }
    }
}
