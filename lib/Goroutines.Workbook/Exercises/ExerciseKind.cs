namespace Goroutines.Workbook.Exercises;

/// <summary>The three kinds of exercise: predict a run, answer a question, write goroutine code.</summary>
public enum ExerciseKind
{
    /// <summary>Predict an observable of a scenario; the right answer is computed by running it in Lockstep.</summary>
    Predict,

    /// <summary>A short or multiple-choice answer, checked against a salted hash.</summary>
    Concept,

    /// <summary>Goroutine code, run on the Lockstep clock under many seeds and checked for properties.</summary>
    Code,
}
