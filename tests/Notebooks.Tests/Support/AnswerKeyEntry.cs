namespace Notebooks.Tests.Support;

/// <summary>One exercise's answers in an answer key: the answer cell's source when right, when wrong, and the misconception the wrong one shows (or null).</summary>
public sealed record AnswerKeyEntry(string Right, string Wrong, string? Misconception);
