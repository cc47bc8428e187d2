namespace Goroutines.Workbook.Exercises;

/// <summary>
/// The result of Exercises.Check, as the notebook shows it: correct (with why), incorrect (with a hint and the
/// misconception it shows), not answered yet, or the wrong shape. Its HTML carries the submission record the
/// grader reads (see docs/exercises.md).
/// </summary>
public sealed class ExerciseResult
{
    internal ExerciseResult(string exercise, ExerciseKind kind, string title, Evaluation evaluation, string? hint,
        LessonSection? section, string? student, string? claimedStudent, int variant, bool grading)
    {
        Formatting.WorkbookFormatters.EnsureRegistered();   // again, should a cell have reset the formatters
        Exercise = exercise;
        Kind = kind;
        Title = title;
        Verdict = evaluation.Verdict;
        Answer = evaluation.Answer;
        Message = evaluation.Message;
        Misconception = evaluation.Misconception;
        Seeds = evaluation.Seeds;
        FailingSeed = evaluation.FailingSeed;
        DetailHtml = evaluation.DetailHtml;
        Hint = hint;
        Section = section;
        Student = student;
        ClaimedStudent = claimedStudent;
        Variant = variant;
        Grading = grading;
    }

    /// <summary>The exercise id, "00.runnext-order".</summary>
    public string Exercise { get; }

    /// <summary>Predict, Concept or Code.</summary>
    public ExerciseKind Kind { get; }

    /// <summary>The exercise's title.</summary>
    public string Title { get; }

    /// <summary>Correct, Incorrect, Unanswered or Invalid.</summary>
    public Verdict Verdict { get; }

    /// <summary>True when the answer is right.</summary>
    public bool IsCorrect => Verdict == Verdict.Correct;

    /// <summary>The answer normalised to a string ("9 0 1 2"); null for code, or when it could not be read.</summary>
    public string? Answer { get; }

    /// <summary>One line: why it is right, what is wrong, or the shape expected.</summary>
    public string Message { get; }

    /// <summary>The hint shown with a wrong answer (the next step each wrong attempt), or null.</summary>
    public string? Hint { get; }

    /// <summary>The misconception the answer shows, or null.</summary>
    public Misconception? Misconception { get; }

    /// <summary>The lesson section to re-read.</summary>
    public LessonSection? Section { get; }

    /// <summary>The effective identity (the grader's, else Student.Is's), or null.</summary>
    public string? Student { get; }

    /// <summary>The identity given by Student.Is, or null.</summary>
    public string? ClaimedStudent { get; }

    /// <summary>The variant checked.</summary>
    public int Variant { get; }

    /// <summary>Code exercises: how many seeds were run.</summary>
    public int? Seeds { get; }

    /// <summary>Code exercises: the seed that broke a property, or null.</summary>
    public int? FailingSeed { get; }

    /// <summary>True when the grader ran this check (GOROUTINE_WORKBOOK_GRADING=1).</summary>
    public bool Grading { get; }

    /// <summary>Extra HTML: a failing code run's timeline and how to replay it.</summary>
    public string DetailHtml { get; }

    /// <summary>The submission record, the JSON inside the result's script element.</summary>
    public string SubmissionJson => Submission.ToJson(this);

    /// <summary>The result as HTML, with the submission record in a script element.</summary>
    public string ToHtml() => ExerciseHtml.Result(this);

    /// <summary>"00.runnext-order: correct — …", for plain text.</summary>
    public override string ToString() =>
        $"{Exercise}: {ExerciseHtml.VerdictText(Verdict)} — {Message}"
        + (Hint is null ? "" : $" Hint: {Hint}")
        + (Misconception is null ? "" : $" Misconception: {Misconception.Name}. {Misconception.Correction}");
}
