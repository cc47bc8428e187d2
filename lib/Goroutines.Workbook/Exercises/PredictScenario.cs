using System;
using System.Threading.Tasks;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// What a prediction is about, for one variant: the question, the program as the student reads it, the same program
/// as a delegate, and the Lockstep options it runs with (a fixed seed, so the answer is the same on every machine).
/// </summary>
/// <param name="Question">What to predict, e.g. "In what order are the numbers printed?".</param>
/// <param name="Program">The program's source as the student reads it (the lesson's style: Go(...), Println, …).</param>
/// <param name="Main">The same program, run to compute the right answer.</param>
/// <param name="Options">The run's options; must be Lockstep (deterministic).</param>
public sealed record PredictScenario(string Question, string Program, Func<Task> Main, RunOptions Options);
