using System;
using System.Security.Cryptography;
using System.Text;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// The salted SHA-256 a concept exercise stores instead of its answer. To write a new exercise, compute the hash of
/// each accepted answer in a scratch cell — AnswerHash.Of("my-salt", "runnext") — and paste the hex into the catalogue.
/// </summary>
public static class AnswerHash
{
    /// <summary>Lower-case hex SHA-256 of salt, a newline and the normalised answer.</summary>
    public static string Of(string salt, string normalisedAnswer)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(normalisedAnswer);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + "\n" + normalisedAnswer)));
    }

    /// <summary>The hash of an answer as a student would write it, read with the exercise's answer shape first.</summary>
    public static string Of(string salt, AnswerShape shape, object answer)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var parsed = shape.Read(answer);
        return Of(salt, parsed.Text ?? throw new ArgumentException($"\"{answer}\" does not read as {shape.Expected}: {parsed.Problem}", nameof(answer)));
    }
}
