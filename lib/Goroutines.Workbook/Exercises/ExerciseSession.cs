using System.Collections.Concurrent;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// What this kernel session remembers per exercise: wrong attempts (which step the hints are at), hints seen,
/// solved. It lives as long as the kernel; restarting the kernel starts afresh.
/// </summary>
internal static class ExerciseSession
{
    private sealed class State
    {
        public int WrongAttempts;
        public int HintsShown;
        public bool Solved;
        public bool Attempted;
    }

    private static readonly ConcurrentDictionary<string, State> States = new();

    private static State Of(string id) => States.GetOrAdd(id, _ => new State());

    /// <summary>Records a checked answer; returns the hint step to show (0-based), or -1 for none.</summary>
    public static int Record(string id, Verdict verdict)
    {
        var state = Of(id);
        lock (state)
        {
            if (verdict == Verdict.Correct)
                state.Solved = true;
            if (verdict is Verdict.Incorrect or Verdict.Invalid)
                state.Attempted = true;
            if (verdict != Verdict.Incorrect)
                return -1;
            state.WrongAttempts++;
            state.HintsShown = System.Math.Max(state.HintsShown, state.WrongAttempts);
            return state.WrongAttempts - 1;
        }
    }

    /// <summary>Steps the hints forward by one (Exercises.Hint); returns how many are now shown.</summary>
    public static int NextHint(string id)
    {
        var state = Of(id);
        lock (state)
            return ++state.HintsShown;
    }

    /// <summary>Solved, tried or not answered.</summary>
    public static ExerciseProgress ProgressOf(string id)
    {
        if (!States.TryGetValue(id, out var state))
            return ExerciseProgress.NotAnswered;
        lock (state)
            return state.Solved ? ExerciseProgress.Solved : state.Attempted ? ExerciseProgress.Tried : ExerciseProgress.NotAnswered;
    }

    /// <summary>Forgets everything (tests).</summary>
    public static void Clear() => States.Clear();
}
