namespace Goroutines.Workbook.Exercises;

/// <summary>Where a student is with one exercise in this kernel session.</summary>
public enum ExerciseProgress
{
    /// <summary>Not checked with an answer yet.</summary>
    NotAnswered,

    /// <summary>Checked, not right yet.</summary>
    Tried,

    /// <summary>Checked and right.</summary>
    Solved,
}
