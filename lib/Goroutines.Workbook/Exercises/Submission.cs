using System.IO;
using System.Text;
using System.Text.Json;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// The submission record in every result's HTML, which `workbook grade` collects by exercise id:
/// &lt;script type="application/vnd.goroutine-workbook.submission+json"&gt;{…}&lt;/script&gt;. Schema 1 (docs/exercises.md).
/// </summary>
public static class Submission
{
    /// <summary>The script element's type.</summary>
    public const string ScriptType = "application/vnd.goroutine-workbook.submission+json";

    /// <summary>The schema version written in "schema".</summary>
    public const int Schema = 1;

    /// <summary>The record of a result as JSON, with '&lt;' and '&gt;' escaped so it can sit inside a script element.</summary>
    public static string ToJson(ExerciseResult result)
    {
        System.ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("schema", Schema);
            json.WriteString("exercise", result.Exercise);
            json.WriteString("kind", result.Kind.ToString().ToLowerInvariant());
            json.WriteString("student", result.Student);
            json.WriteString("claimedStudent", result.ClaimedStudent);
            json.WriteNumber("variant", result.Variant);
            json.WriteString("answer", result.Answer);
            json.WriteString("verdict", result.Verdict.ToString().ToLowerInvariant());
            json.WriteString("misconception", result.Misconception?.Id);
            if (result.Seeds is { } seeds)
                json.WriteNumber("seeds", seeds);
            else
                json.WriteNull("seeds");
            if (result.FailingSeed is { } failing)
                json.WriteNumber("failingSeed", failing);
            else
                json.WriteNull("failingSeed");
            json.WriteBoolean("grading", result.Grading);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The script element holding the record.</summary>
    public static string ToScript(ExerciseResult result) => $"<script type=\"{ScriptType}\">{ToJson(result)}</script>";
}
