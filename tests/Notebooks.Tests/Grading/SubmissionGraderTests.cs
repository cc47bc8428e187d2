using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Grading;
using Goroutines.Workbook.Cli.Notebooks;

namespace Notebooks.Tests.Grading;

/// <summary>How a finished run becomes a row, without a kernel: runs are built from the outputs a kernel would emit.</summary>
public sealed class SubmissionGraderTests
{
    private readonly FakeAnswerKey _key = new();
    private static readonly Submission Ada = new("/class/ada.ipynb", "ada.ipynb", "ada");

    private static string Element(string exercise, string kind, string? answer, string verdict, string? student = "ada", bool grading = true, string? claimed = null) =>
        $"<div>{verdict}</div><script type=\"application/vnd.goroutine-workbook.submission+json\">" +
        System.Text.Json.JsonSerializer.Serialize(new
        {
            schema = 1, exercise, kind, student, claimedStudent = claimed ?? student, variant = 0, answer, verdict,
            misconception = (string?)null, seeds = (int?)null, failingSeed = (string?)null, grading,
        }) + "</script>";

    // A run whose cells each displayed the given HTML (null: a cell with no output), with the given status.
    private static NotebookResult Run(params (string Source, string? Html, CellStatus Status)[] cells)
    {
        var notebookCells = cells.Select((c, i) => new NotebookCell(i + 1, CellKind.Code, "csharp", c.Source)).ToList();
        var results = cells.Select((c, i) => new CellResult(notebookCells[i], c.Status, c.Status == CellStatus.Ok ? null : "the error",
            TimeSpan.FromSeconds(1),
            c.Html is null ? [] : [new CellOutput(OutputKind.Display, new Dictionary<string, string> { [CellOutput.Html] = c.Html })])).ToList();
        return new NotebookResult(new NotebookDocument(Ada.Path, "t", notebookCells), results, TimeSpan.FromSeconds(cells.Length));
    }

    private GradebookRow Grade(NotebookResult run, string stored = "{\"cells\": []}") =>
        new SubmissionGrader(_key).Grade(Ada, run, stored, _key.Exercises);

    [Fact]
    public void Predict_and_concept_answers_are_rechecked_for_the_graders_identity_whatever_verdict_the_notebook_shows()
    {
        var row = Grade(Run(
            ("check", Element("t.predict", "predict", "wrong", "correct"), CellStatus.Ok),
            ("check", Element("t.concept", "concept", "right", "incorrect"), CellStatus.Ok)));

        Assert.Equal(ExerciseGrade.Incorrect, row.Grades["t.predict"].Verdict);
        Assert.Equal("goroutine-is-thread", row.Grades["t.predict"].Misconception);
        Assert.Equal(ExerciseGrade.Correct, row.Grades["t.concept"].Verdict);
        Assert.Equal(1, row.Total);
        Assert.Equal(6, row.Max);
        Assert.All(_key.Asked, a => Assert.Equal("ada", a.Student));
    }

    [Fact]
    public void The_last_check_of_an_exercise_counts_and_a_deleted_one_is_missing()
    {
        var row = Grade(Run(
            ("check", Element("t.predict", "predict", "right", "correct"), CellStatus.Ok),
            ("check again", Element("t.predict", "predict", "wrong", "incorrect"), CellStatus.Ok)));

        Assert.Equal(ExerciseGrade.Incorrect, row.Grades["t.predict"].Verdict);
        Assert.Equal("wrong", row.Grades["t.predict"].Answer);
        Assert.Equal(ExerciseGrade.Missing, row.Grades["t.concept"].Verdict);
        Assert.Equal("ok", row.Status);
    }

    [Theory]
    [InlineData(true, "ada", 3)]   // made in grading mode for the grader's identity: trusted
    [InlineData(false, "ada", 0)]  // not in grading mode
    [InlineData(true, "bob", 0)]   // for another student
    public void A_code_verdict_counts_only_from_grading_mode_for_the_graders_identity(bool grading, string student, int points)
    {
        var row = Grade(Run(("check", Element("t.code", "code", null, "correct", student, grading), CellStatus.Ok)));

        Assert.Equal(points, row.Grades["t.code"].Points);
        Assert.Equal(points == 0, row.IsFlagged);
    }

    [Fact]
    public void A_cell_that_writes_the_element_itself_gains_nothing_for_code()
    {
        var row = Grade(Run(("display(HTML(\"<script type=\\\"application/vnd.goroutine-workbook.submission+json\\\">…\"))",
            Element("t.code", "code", null, "correct"), CellStatus.Ok)));

        Assert.Equal(0, row.Total);
        Assert.Contains("cell 1 writes the exercise result element itself", row.Status);
    }

    [Fact]
    public void A_claimed_identity_is_flagged()
    {
        var row = Grade(Run(("check", Element("t.predict", "predict", "right", "correct", claimed: "grace"), CellStatus.Ok)));

        Assert.Equal(2, row.Total);
        Assert.Equal("flagged: claims to be 'grace'", row.Status);
    }

    [Fact]
    public void Stored_outputs_that_contradict_their_own_answer_are_flagged_and_stale_ones_are_not()
    {
        string Stored(params string[] html) => System.Text.Json.JsonSerializer.Serialize(new
        {
            cells = html.Select(h => new { cell_type = "code", source = "x", outputs = new[] { new { output_type = "display_data", data = new Dictionary<string, string[]> { ["text/html"] = [h] } } } }),
        });
        var run = Run(("check", Element("t.predict", "predict", "right", "correct"), CellStatus.Ok));

        var forged = Grade(run, Stored(Element("t.concept", "concept", "wrong", "correct")));
        var stale = Grade(run, Stored(Element("t.predict", "predict", "wrong", "incorrect")));

        Assert.Contains("edited outputs: cell 1 shows 'correct' for t.concept, whose answer is incorrect", forged.Status);
        Assert.Equal("ok", stale.Status);
    }

    [Theory]
    [InlineData(CellStatus.TimedOut, "the cell did not finish within 45 s", "timed out: cell 2")]
    [InlineData(CellStatus.KernelCrashed, "the kernel process exited with code 134", "crashed: cell 2")]
    [InlineData(CellStatus.Failed, "System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.", "out of memory: cell 2")]
    public void How_the_run_ended_is_the_status_and_what_came_before_still_counts(CellStatus status, string error, string expected)
    {
        var run = Run(("check", Element("t.predict", "predict", "right", "correct"), CellStatus.Ok), ("bad", null, status));
        run = run with { Cells = [run.Cells[0], run.Cells[1] with { Error = error }] };

        var row = Grade(run);

        Assert.StartsWith(expected, row.Status);
        Assert.Equal(2, row.Total);
    }
}
