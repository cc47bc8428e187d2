using System;
using System.Security.Cryptography;
using System.Text;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// Who is answering: the identity a notebook gives with Student.Is, unless the grader set
/// GOROUTINE_WORKBOOK_STUDENT (which wins). The identity picks each exercise's variant.
/// </summary>
public static class Student
{
    /// <summary>The environment variable the grader sets to the submission's student; it wins over Student.Is.</summary>
    public const string EnvironmentVariable = "GOROUTINE_WORKBOOK_STUDENT";

    private static string? claimed;

    /// <summary>Sets this notebook's student (an e-mail or a class id), which picks your variant of every exercise.</summary>
    public static void Is(string? identity) => claimed = Normalize(identity);

    /// <summary>The identity given by Student.Is, or null.</summary>
    public static string? Claimed => claimed;

    /// <summary>The identity the variants come from: the grader's (GOROUTINE_WORKBOOK_STUDENT) if set, else Student.Is's, else null.</summary>
    public static string? Effective => Normalize(Environment.GetEnvironmentVariable(EnvironmentVariable)) ?? claimed;

    /// <summary>The variant of an exercise for an identity: 0 without one, otherwise a stable pick from its SHA-256.</summary>
    public static int VariantOf(Exercise exercise, string? identity)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var who = Normalize(identity);
        if (who is null || exercise.Variants <= 1)
            return 0;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(exercise.Id + "\n" + who));
        return (int)(BitConverter.ToUInt32(hash, 0) % (uint)exercise.Variants);
    }

    /// <summary>The variant of an exercise for the effective identity.</summary>
    public static int VariantOf(Exercise exercise) => VariantOf(exercise, Effective);

    // Trimmed and lower-cased ("Ada@Example.edu " is "ada@example.edu"); blank is null.
    internal static string? Normalize(string? identity) =>
        string.IsNullOrWhiteSpace(identity) ? null : identity.Trim().ToLowerInvariant();
}
