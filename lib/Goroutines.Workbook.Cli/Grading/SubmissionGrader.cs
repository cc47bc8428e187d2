using Goroutines.Workbook.Cli.Execution;

namespace Goroutines.Workbook.Cli.Grading;

/// <summary>
/// Turns one finished run into a gradebook row, trusting the notebook as little as it can: predict and
/// concept answers are re-checked here for the grader's identity (the notebook's verdict is ignored);
/// a code exercise's verdict counts only from an element made in grading mode, for the grader's identity,
/// by a cell that does not write such elements itself. What looks forged is flagged.
/// </summary>
public sealed class SubmissionGrader(IAnswerKey key)
{
    private readonly object _recheckGate = new();

    /// <summary>The row of a submission that could not be read as a notebook.</summary>
    public static GradebookRow NotANotebook(Submission submission, string reason, IReadOnlyList<ExerciseColumn> columns) =>
        new(submission, "not a notebook: " + reason, [], [], new Dictionary<string, ExerciseGrade>(), 0, columns.Sum(c => c.Points), TimeSpan.Zero)
        { RunStatus = "not a notebook" };

    /// <summary>Grades <paramref name="run"/> of <paramref name="submission"/> against <paramref name="columns"/>.</summary>
    public GradebookRow Grade(Submission submission, NotebookResult run, string storedJson, IReadOnlyList<ExerciseColumn> columns)
    {
        var known = columns.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var flags = new List<string>();
        var notes = new List<string>();

        var writers = run.Notebook.CodeCells.Where(c => c.Source.Contains(SubmissionRecord.ScriptType, StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Number).ToHashSet();
        foreach (var cell in writers)
            flags.Add($"cell {cell} writes the exercise result element itself");

        var records = SubmissionCollector.FromRun(run.Cells);
        foreach (var unknown in records.Select(r => r.Exercise).Where(id => !known.ContainsKey(id)).Distinct())
            notes.Add($"unknown exercise '{unknown}' ignored");
        var last = SubmissionCollector.LastByExercise(records.Where(r => known.ContainsKey(r.Exercise)));
        flags.AddRange(IdentityFlags(submission, records));
        flags.AddRange(StoredOutputFlags(storedJson));

        var lessons = last.Keys.Select(id => known[id].Lesson).ToHashSet();
        if (lessons.Count == 0) lessons = columns.Select(c => c.Lesson).ToHashSet();
        var grades = new Dictionary<string, ExerciseGrade>(StringComparer.Ordinal);
        foreach (var column in columns.Where(c => lessons.Contains(c.Lesson)))
            grades[column.Id] = last.TryGetValue(column.Id, out var record)
                ? GradeOne(submission, column, record, writers)
                : new ExerciseGrade(column.Id, null, ExerciseGrade.Missing, null, 0, column.Points);

        var runStatus = RunStatus(run, notes);
        var status = flags.Count == 0 ? runStatus
            : (runStatus == "ok" ? "" : runStatus + "; ") + "flagged: " + string.Join("; ", flags);
        return new GradebookRow(submission, status, flags, notes, grades, grades.Values.Sum(g => g.Points), grades.Values.Sum(g => g.MaxPoints), run.Elapsed)
        { RunStatus = runStatus };
    }

    private ExerciseGrade GradeOne(Submission submission, ExerciseColumn column, SubmissionRecord record, IReadOnlySet<int> writers)
    {
        if (column.Kind == "code")
        {
            var trusted = record.Grading && SameStudent(record.Student, submission.Student) && !writers.Contains(record.Cell);
            if (!trusted)
                return new ExerciseGrade(column.Id, null, ExerciseGrade.Invalid, null, 0, column.Points);
            var verdict = record.Verdict is ExerciseGrade.Correct or ExerciseGrade.Incorrect or ExerciseGrade.Unanswered ? record.Verdict : ExerciseGrade.Invalid;
            return new ExerciseGrade(column.Id, record.FailingSeed is null ? null : "failing seed " + record.FailingSeed, verdict,
                record.Misconception, verdict == ExerciseGrade.Correct ? column.Points : 0, column.Points);
        }
        var recheck = RecheckAnswer(column.Id, submission.Student, record.Answer);
        return new ExerciseGrade(column.Id, record.Answer, recheck.Verdict, recheck.Misconception, recheck.Points, recheck.MaxPoints);
    }

    // Elements whose identity is not the one the grader gave the kernel.
    private static IEnumerable<string> IdentityFlags(Submission submission, IReadOnlyList<SubmissionRecord> records)
    {
        foreach (var claimed in records.Select(r => r.ClaimedStudent).Where(c => !string.IsNullOrWhiteSpace(c) && !SameStudent(c, submission.Student)).Distinct())
            yield return $"claims to be '{claimed}'";
        if (records.Any(r => !SameStudent(r.Student, submission.Student)))
            yield return "an exercise result names another student than the grader's";
        if (records.Any(r => !r.Grading))
            yield return "an exercise result was not made in grading mode";
    }

    // Stored outputs that say an answer got a verdict it does not get: written by hand, not by a run.
    private IEnumerable<string> StoredOutputFlags(string storedJson)
    {
        foreach (var stored in SubmissionCollector.FromStoredOutputs(storedJson))
        {
            if (stored.Kind == "code" || stored.Verdict is not (ExerciseGrade.Correct or ExerciseGrade.Incorrect))
                continue;
            var recheck = RecheckAnswer(stored.Exercise, stored.Student, stored.Answer);
            if (recheck.Verdict != stored.Verdict)
                yield return $"edited outputs: cell {stored.Cell} shows '{stored.Verdict}' for {stored.Exercise}, whose answer is {recheck.Verdict}";
        }
    }

    private Recheck RecheckAnswer(string exercise, string? student, string? answer)
    {
        lock (_recheckGate)
        {
            try
            {
                return key.Recheck(exercise, student, answer);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
            {
                return new Recheck(ExerciseGrade.Invalid, null, 0, 0);
            }
        }
    }

    private static string RunStatus(NotebookResult run, List<string> notes)
    {
        if (run.KernelError is not null)
            return "crashed: " + Reporting.Names.FirstLine(run.KernelError, 160);
        var failed = run.Cells.Where(c => c.Status == CellStatus.Failed).ToList();
        if (failed.Count > 0)
            notes.Add("cells with errors: " + string.Join(", ", failed.Select(c => c.Cell.Number)));
        var memory = run.Cells.FirstOrDefault(c => c.Status != CellStatus.NotRun && c.Error?.Contains("OutOfMemory", StringComparison.Ordinal) == true);
        if (memory is not null)
            return $"out of memory: cell {memory.Cell.Number}";
        if (run.Cells.FirstOrDefault(c => c.Status == CellStatus.TimedOut) is { } slow)
            return $"timed out: cell {slow.Cell.Number} ({Reporting.Names.FirstLine(slow.Error ?? "", 120)})";
        if (run.Cells.FirstOrDefault(c => c.Status == CellStatus.KernelCrashed) is { } crash)
            return $"crashed: cell {crash.Cell.Number} ({Reporting.Names.FirstLine(crash.Error ?? "", 120)})";
        return "ok";
    }

    private static bool SameStudent(string? a, string? b) =>
        string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}
