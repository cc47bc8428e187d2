using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Grading;
using Notebooks.Tests.Support;
using static Notebooks.Tests.Grading.FakeExercises;
using Cell = Notebooks.Tests.Support.NotebookFile.Cell;

namespace Notebooks.Tests.Grading;

/// <summary>
/// The grader on a generated class folder, each submission in a real kernel of its own: full marks, partial,
/// cells deleted, moved and duplicated, a deadlock, a spin, unbounded allocation, forged outputs, a claimed
/// identity, and a file that is not JSON. Each bad submission costs only its own row, and grading finishes.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class GraderTests : IClassFixture<GraderTests.GradedClass>
{
    private readonly GradedClass _class;

    public GraderTests(GradedClass graded) => _class = graded;

    public sealed class GradedClass : IAsyncLifetime
    {
        public string Folder { get; } = Repo.FreshTempFolder("workbook-class");
        public FakeAnswerKey Key { get; } = new();
        public Gradebook Book { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            LibraryStager.Stage(Repo.Layout);
            Write(Folder);
            var options = new GradeOptions
            {
                Folder = Folder,
                Jobs = 2,
                CellTimeout = TimeSpan.FromSeconds(45), // generous: a loaded 2-core machine compiles a first cell slowly
                NotebookTimeout = TimeSpan.FromSeconds(240),
                MemoryMegabytes = 512,
            };
            var grader = new Grader(Repo.Layout, options, Key, SilentProgress.Instance);
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
            Book = await grader.GradeAsync(SubmissionFinder.Find(Folder), limit.Token);
        }

        public Task DisposeAsync()
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
            return Task.CompletedTask;
        }

        public GradebookRow Row(string student) => Book.Rows.Single(r => r.Submission.Student == student);
    }

    private static void Write(string folder)
    {
        string At(string name) => Path.Combine(folder, name);
        NotebookFile.Write(At("grace/00-lesson.ipynb"),
            new Cell(Preamble), new Cell(Check("t.predict", "predict", "right", "correct")),
            new Cell(Check("t.concept", "concept", "right", "correct")), new Cell(Check("t.code", "code", null, "correct")));
        NotebookFile.Write(At("partial.ipynb"),
            new Cell(Preamble), new Cell(Check("t.predict", "predict", "right", "correct")),
            new Cell(Check("t.concept", "concept", "wrong", "incorrect")), new Cell(Check("t.code", "code", null, "incorrect")));
        // Concept deleted, code moved first, predict answered twice (the last answer counts), a cell split in two.
        NotebookFile.Write(At("shuffled.ipynb"),
            new Cell(Preamble), new Cell("var extra = 41;"), new Cell("extra++;\n" + Check("t.code", "code", null, "correct")),
            new Cell(Check("t.predict", "predict", "wrong", "incorrect")), new Cell("// my notes"),
            new Cell(Check("t.predict", "predict", "right", "correct")));
        NotebookFile.Write(At("deadlock.ipynb"),
            new Cell(Preamble), new Cell(Check("t.predict", "predict", "right", "correct")),
            new Cell("new System.Threading.ManualResetEventSlim(false).Wait();"),
            new Cell(Check("t.concept", "concept", "right", "correct")));
        NotebookFile.Write(At("spin.ipynb"),
            new Cell(Preamble), new Cell(Check("t.concept", "concept", "right", "correct")), new Cell("while (true) { }"),
            new Cell(Check("t.predict", "predict", "right", "correct")));
        // 3 GB at most: far past the 512 MB heap limit, yet bounded if the limit were not applied.
        NotebookFile.Write(At("hog.ipynb"),
            new Cell(Preamble), new Cell("var hog = new List<byte[]>();\nfor (var i = 0; i < 3000; i++) hog.Add(new byte[1 << 20]);\nhog.Count"),
            new Cell("hog = null; GC.Collect();\n" + Check("t.predict", "predict", "right", "correct")));
        // Saved outputs that say "correct" for wrong answers; the run says otherwise, and printing "correct" gains nothing.
        NotebookFile.Write(At("forger.ipynb"),
            new Cell(Preamble),
            new Cell(Check("t.concept", "concept", "wrong", "incorrect") + "\nConsole.WriteLine(\"correct\");",
                StoredHtml: "<div>correct</div>" + Element("t.concept", "concept", "wrong", "correct", "forger", grading: false)),
            new Cell(Check("t.predict", "predict", "wrong", "incorrect"),
                StoredHtml: Element("t.predict", "predict", "wrong", "correct", "forger", grading: false)));
        // Claims to be grace, and writes a "correct" code result for grace by hand.
        NotebookFile.Write(At("mallory.ipynb"),
            new Cell(Preamble),
            new Cell("Check(\"t.predict\", \"predict\", \"right\", \"correct\", claimed: \"grace\");"),
            new Cell("display(HTML(\"\"\"" + Element("t.code", "code", null, "correct", "grace") + "\"\"\"));"));
        File.WriteAllText(At("notjson.ipynb"), "my answers: 9 0 1 2, and P is a processor {");
    }

    [Fact]
    public void Every_submission_has_one_row_and_one_column_per_exercise()
    {
        Assert.Equal(
            ["deadlock.ipynb", "forger.ipynb", "grace/00-lesson.ipynb", "hog.ipynb", "mallory.ipynb", "notjson.ipynb", "partial.ipynb", "shuffled.ipynb", "spin.ipynb"],
            _class.Book.Rows.Select(r => r.Submission.Name));
        Assert.Equal(["t.predict", "t.concept", "t.code"], _class.Book.Columns.Select(c => c.Id));
    }

    [Fact]
    public void Full_marks_come_from_a_student_folder_run_with_its_identity_in_grading_mode()
    {
        var row = _class.Row("grace");

        Assert.Equal("ok", row.Status);
        Assert.Equal(6, row.Total);
        Assert.Equal(6, row.Max);
        Assert.Contains(("t.predict", "grace", "right"), _class.Key.Asked);
    }

    [Fact]
    public void Partial_marks_recheck_each_answer_and_name_the_misconception()
    {
        var row = _class.Row("partial");

        Assert.Equal("ok", row.Status);
        Assert.Equal(2, row.Total);
        Assert.Equal(ExerciseGrade.Incorrect, row.Grades["t.concept"].Verdict);
        Assert.Equal("goroutine-is-thread", row.Grades["t.concept"].Misconception);
        Assert.Equal(ExerciseGrade.Incorrect, row.Grades["t.code"].Verdict);
    }

    [Fact]
    public void Exercises_are_found_by_id_wherever_the_cells_are_and_the_last_check_counts()
    {
        var row = _class.Row("shuffled");

        Assert.Equal("ok", row.Status);
        Assert.Equal(ExerciseGrade.Correct, row.Grades["t.predict"].Verdict);
        Assert.Equal(ExerciseGrade.Missing, row.Grades["t.concept"].Verdict);
        Assert.Equal(ExerciseGrade.Correct, row.Grades["t.code"].Verdict);
        Assert.Equal(5, row.Total);
    }

    [Theory]
    [InlineData("deadlock", "timed out: cell 3", "t.predict", 2)]
    [InlineData("spin", "timed out: cell 3", "t.concept", 1)]
    public void A_hanging_cell_times_out_and_keeps_what_was_answered_before_it(string student, string status, string answered, int points)
    {
        var row = _class.Row(student);

        Assert.StartsWith(status, row.Status);
        Assert.Equal(ExerciseGrade.Correct, row.Grades[answered].Verdict);
        Assert.Equal(points, row.Total);
    }

    [Fact]
    public void Unbounded_allocation_hits_the_heap_limit_and_the_notebook_goes_on()
    {
        var row = _class.Row("hog");

        Assert.StartsWith("out of memory: cell 2", row.Status);
        Assert.Equal(ExerciseGrade.Correct, row.Grades["t.predict"].Verdict);
    }

    [Fact]
    public void Forged_outputs_gain_nothing_and_are_flagged()
    {
        var row = _class.Row("forger");

        Assert.Equal(0, row.Total);
        Assert.Equal(ExerciseGrade.Incorrect, row.Grades["t.concept"].Verdict);
        Assert.Contains(row.Flags, f => f.Contains("edited outputs: cell 2 shows 'correct' for t.concept"));
        Assert.Contains(row.Flags, f => f.Contains("edited outputs: cell 3 shows 'correct' for t.predict"));
        Assert.StartsWith("flagged:", row.Status);
    }

    [Fact]
    public void Claiming_another_identity_and_writing_a_result_by_hand_gain_nothing_and_are_flagged()
    {
        var row = _class.Row("mallory");

        Assert.Equal(2, row.Total); // the predict answer, re-checked for mallory; the hand-made code result is not trusted
        Assert.Equal(ExerciseGrade.Invalid, row.Grades["t.code"].Verdict);
        Assert.Contains(row.Flags, f => f.Contains("claims to be 'grace'"));
        Assert.Contains(row.Flags, f => f.Contains("cell 3 writes the exercise result element itself"));
        Assert.Contains(("t.predict", "mallory", "right"), _class.Key.Asked);
    }

    [Fact]
    public void A_file_that_is_not_json_is_a_row_that_says_so()
    {
        var row = _class.Row("notjson");

        Assert.StartsWith("not a notebook: the JSON is malformed", row.Status);
        Assert.Equal(0, row.Total);
    }
}
