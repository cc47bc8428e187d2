using Goroutines.Workbook.Cli.Export;
using Goroutines.Workbook.Exercises;
using Notebooks.Tests.Support;
using static Notebooks.Tests.Grading.LessonAnswers;
using Cell = Notebooks.Tests.Support.NotebookFile.Cell;

namespace Notebooks.Tests.Grading;

/// <summary>
/// `workbook grade` as a teacher runs it, on a generated class folder of lesson 00 submissions, each run in a real
/// kernel of its own: full marks (the whole lesson), partial, cells deleted, moved, split and duplicated, a deadlock,
/// a spin, unbounded allocation, forged outputs, a claimed identity with a hand-made result, and a file that is not
/// JSON. Each bad submission costs only its own row, and grading finishes.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class GradeCommandTests : IClassFixture<GradeCommandTests.GradedClass>
{
    private const string Predict = "00.runnext-order";
    private const string Concept = "00.what-go-does";
    private const string Code = "00.loop-capture";
    private static readonly int Full = ExerciseCatalog.OfLesson("00").Sum(e => e.Points);
    private static int PointsOf(string id) => ExerciseCatalog.Find(id)!.Points;

    private readonly GradedClass _class;

    public GradeCommandTests(GradedClass graded) => _class = graded;

    public sealed class GradedClass : IAsyncLifetime
    {
        public string Folder { get; } = Repo.FreshTempFolder("workbook-class");
        public string Out { get; } = Repo.FreshTempFolder("workbook-gradebook");
        public CliRun Run { get; private set; } = null!;
        public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; private set; } = [];
        public string Html { get; private set; } = "";
        public DateTime Started { get; } = DateTime.UtcNow;

        public async Task InitializeAsync()
        {
            WriteClass(Folder);
            // Limits generous enough for a first cell on a loaded 2-core machine; the hanging cells cost one cell limit each.
            Run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(9), "grade", Folder, "--jobs", "2", "--out", Out,
                "--timeout", "45", "--notebook-timeout", "240", "--memory", "512");
            var csv = Path.Combine(Out, "gradebook.csv");
            Assert.True(File.Exists(csv), Run.ToString());
            Rows = Csv.Read(csv);
            Html = File.ReadAllText(Path.Combine(Out, "gradebook.html"));
        }

        public Task DisposeAsync()
        {
            foreach (var folder in new[] { Folder, Out })
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            return Task.CompletedTask;
        }

        public IReadOnlyDictionary<string, string> Row(string student) => Rows.Single(r => r["student"] == student);
    }

    private static void WriteClass(string folder)
    {
        string At(string name) => Path.Combine(folder, name);
        var preamble = new Cell(Preamble("00-start-here.ipynb"));

        // The whole lesson as shipped, with every exercise answered right at the end.
        var lesson = Goroutines.Workbook.Cli.Notebooks.NotebookParser.Load(Path.Combine(Repo.Layout.Notebooks, "00-start-here.ipynb"));
        NotebookFile.Write(At("grace/00-start-here.ipynb"),
            [new Cell(WithExercisesUsing(lesson.CodeCells.First().Source)),
             .. lesson.CodeCells.Skip(1).Select(c => new Cell(c.Source)),
             new Cell(Right(Predict, "grace")), new Cell(Right(Concept, "grace")), new Cell(Right(Code, "grace"))]);
        // Ends by deleting its copy of the library, itself, and the whole throwaway folder it runs in.
        NotebookFile.Write(At("partial.ipynb"),
            preamble, new Cell(Right(Predict, "partial")), new Cell(Wrong(Concept, "partial")), new Cell(Wrong(Code, "partial")),
            new Cell("File.Delete(\"../artifacts/lib/Goroutines.dll\");\nFile.Delete(\"partial.ipynb\");\nDirectory.Delete(\"..\", recursive: true);"));
        // The concept cell deleted, the code cell moved first and split in two, the prediction answered twice: the last one counts.
        var code = Right(Code, "shuffled");
        var split = code.LastIndexOf("Exercises.Check", StringComparison.Ordinal);
        NotebookFile.Write(At("shuffled.ipynb"),
            preamble, new Cell(code[..split]), new Cell(code[split..]), new Cell(Wrong(Predict, "shuffled")),
            new Cell("// my notes: runnext!"), new Cell(Right(Predict, "shuffled")));
        NotebookFile.Write(At("deadlock.ipynb"),
            preamble, new Cell(Right(Predict, "deadlock")),
            new Cell("new System.Threading.ManualResetEventSlim(false).Wait(); // waits for a signal that never comes"),
            new Cell(Right(Concept, "deadlock")));
        NotebookFile.Write(At("spin.ipynb"),
            preamble, new Cell(Right(Concept, "spin")), new Cell("while (true) { }"), new Cell(Right(Predict, "spin")));
        // 3 GB at most: far past the 512 MB heap limit, yet bounded should the limit not apply.
        NotebookFile.Write(At("hog.ipynb"),
            preamble, new Cell("var hog = new List<byte[]>();\nfor (var i = 0; i < 3000; i++) hog.Add(new byte[1 << 20]);\nhog.Count"),
            new Cell("hog = null;\n" + Right(Predict, "hog")));
        // Saved outputs that say "correct" for wrong answers, and a cell that prints "correct": the run says otherwise.
        var wrongConcept = Wrong(Concept, "forger");
        NotebookFile.Write(At("forger.ipynb"),
            preamble,
            new Cell("Console.WriteLine(\"correct\");\n" + wrongConcept,
                StoredHtml: "<div>correct</div>" + Element(Concept, "concept", AnswerIn(wrongConcept), "correct", "forger")),
            new Cell(Wrong(Predict, "forger"), StoredHtml: Element(Predict, "predict", "0 1 2 3 4 5", "correct", "forger")));
        // Claims to be grace and gives grace's prediction; writes a "correct" code result for grace by hand.
        NotebookFile.Write(At("mallory.ipynb"),
            preamble, new Cell("Student.Is(\"grace\");\n" + Right(Predict, "grace")),
            new Cell("display(HTML(\"\"\"" + Element(Code, "code", null, "correct", "grace") + "\"\"\"));"));
        File.WriteAllText(At("notjson.ipynb"), "my answers: 9 0 1 2, and P is a processor {");
    }

    // The answer a generated Check cell passes (the text between @" and the closing ").
    private static string AnswerIn(string cell)
    {
        var start = cell.IndexOf("@\"", StringComparison.Ordinal) + 2;
        return cell[start..cell.LastIndexOf('"')].Replace("\"\"", "\"").ToLowerInvariant();
    }

    /// <summary>The element a forger writes by hand.</summary>
    private static string Element(string exercise, string kind, string? answer, string verdict, string student) =>
        "<script type=\"application/vnd.goroutine-workbook.submission+json\">" +
        System.Text.Json.JsonSerializer.Serialize(new
        {
            schema = 1, exercise, kind, student, claimedStudent = student, variant = 0, answer, verdict,
            misconception = (string?)null, seeds = (int?)null, failingSeed = (string?)null, grading = true,
        }) + "</script>";

    [Fact]
    public void Grading_finishes_with_one_row_per_submission_one_column_per_exercise_and_a_summary()
    {
        Assert.True(_class.Run.ExitCode == 0, _class.Run.ToString());
        Assert.Equal(
            ["deadlock.ipynb", "forger.ipynb", "grace/00-start-here.ipynb", "hog.ipynb", "mallory.ipynb", "notjson.ipynb", "partial.ipynb", "shuffled.ipynb", "spin.ipynb"],
            _class.Rows.Select(r => r["submission"]));
        foreach (var exercise in ExerciseCatalog.OfLesson("00"))
            Assert.True(_class.Rows[0].ContainsKey(exercise.Id), $"no column for {exercise.Id}");
        Assert.DoesNotContain(_class.Rows[0].Keys, k => k.StartsWith("01.", StringComparison.Ordinal));
        Assert.Matches(@"9 submissions graded in [\d.]+ s with 2 kernels at once", _class.Run.Stdout);
    }

    [Fact]
    public void Full_marks_for_the_whole_lesson_answered_right_in_a_student_folder()
    {
        var row = _class.Row("grace");

        Assert.Equal("ok", row["status"]);
        Assert.Equal(Full.ToString(), row["total"]);
        Assert.Equal(Full.ToString(), row["max"]);
    }

    [Fact]
    public void Partial_marks_and_the_misconception_in_the_teachers_page()
    {
        var row = _class.Row("partial");

        Assert.Equal("ok", row["status"]);
        Assert.Equal(PointsOf(Predict).ToString(), row["total"]);
        Assert.Equal("0", row[Concept]);
        Assert.Equal("0", row[Code]);
        Assert.Contains("Misconceptions the class showed", _class.Html);
    }

    [Fact]
    public void A_notebook_that_deletes_files_deletes_only_its_throwaway_copy()
    {
        Assert.Equal("ok", _class.Row("partial")["status"]);
        Assert.True(File.Exists(Path.Combine(_class.Folder, "partial.ipynb")), "the submission itself was deleted");
        Assert.True(File.Exists(Path.Combine(Repo.Layout.LibraryFolder, "Goroutines.dll")), "the staged library was deleted");
        Assert.DoesNotContain(Directory.GetDirectories(Path.GetTempPath(), "workbook-grade-*"), d => Directory.GetCreationTimeUtc(d) > _class.Started);
    }

    [Fact]
    public void Exercises_are_found_by_id_and_the_last_check_of_a_duplicate_counts()
    {
        var row = _class.Row("shuffled");

        Assert.Equal("ok", row["status"]);
        Assert.Equal(PointsOf(Predict).ToString(), row[Predict]);
        Assert.Equal("0", row[Concept]);
        Assert.Equal(PointsOf(Code).ToString(), row[Code]);
    }

    [Theory]
    [InlineData("deadlock", "timed out: cell 3", Predict)]
    [InlineData("spin", "timed out: cell 3", Concept)]
    public void A_hanging_cell_times_out_and_what_was_answered_before_it_counts(string student, string status, string answered)
    {
        var row = _class.Row(student);

        Assert.StartsWith(status, row["status"]);
        Assert.Equal(PointsOf(answered).ToString(), row["total"]);
    }

    [Fact]
    public void Unbounded_allocation_hits_the_heap_limit_and_the_notebook_goes_on()
    {
        var row = _class.Row("hog");

        Assert.StartsWith("out of memory: cell 2", row["status"]);
        Assert.Equal(PointsOf(Predict).ToString(), row[Predict]);
    }

    [Fact]
    public void Forged_outputs_gain_nothing_and_are_flagged()
    {
        var row = _class.Row("forger");

        Assert.Equal("0", row["total"]);
        Assert.Contains($"edited outputs: cell 2 shows 'correct' for {Concept}", row["status"]);
        Assert.Contains($"edited outputs: cell 3 shows 'correct' for {Predict}", row["status"]);
    }

    [Fact]
    public void Claiming_another_identity_and_a_hand_made_result_gain_nothing_and_are_flagged()
    {
        var row = _class.Row("mallory");

        Assert.Contains("claims to be 'grace'", row["status"]);
        Assert.Contains("cell 3 writes the exercise result element itself", row["status"]);
        Assert.Equal("0", row[Code]);
        // grace's prediction is re-checked against mallory's own variant.
        var gracesAnswer = ((PredictExercise)ExerciseCatalog.Find(Predict)!).RightAnswer(Student.VariantOf(ExerciseCatalog.Find(Predict)!, "grace"));
        Assert.Equal(IsRight(Predict, "mallory", gracesAnswer) ? PointsOf(Predict).ToString() : "0", row[Predict]);
    }

    [Fact]
    public void A_file_that_is_not_json_is_a_row_that_says_so()
    {
        var row = _class.Row("notjson");

        Assert.StartsWith("not a notebook: the JSON is malformed", row["status"]);
        Assert.Equal("0", row["total"]);
    }

    [Fact]
    public void The_teachers_page_has_the_table_the_answers_and_needs_no_network()
    {
        Assert.Contains("<table class=\"book\">", _class.Html);
        Assert.Contains("Answers, exercise by exercise", _class.Html);
        Assert.Contains("mallory.ipynb", _class.Html);
        Assert.Empty(OfflineCheck.NetworkReferences(_class.Html));
        Assert.DoesNotContain("<script", _class.Html);
    }
}
