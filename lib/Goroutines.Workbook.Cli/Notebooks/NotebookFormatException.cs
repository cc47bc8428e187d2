namespace Goroutines.Workbook.Cli.Notebooks;

/// <summary>A notebook file that is not a valid .ipynb document.</summary>
public sealed class NotebookFormatException(string path, string problem, Exception? inner = null)
    : Exception($"{path} is not a valid notebook: {problem}. Open it in VS Code (Polyglot Notebooks) and save it again, or fix the JSON by hand.", inner)
{
    public string NotebookPath { get; } = path;

    /// <summary>What is wrong, without the file name and advice (e.g. "the JSON is malformed at line 1, position 1").</summary>
    public string Problem { get; } = problem;
}
