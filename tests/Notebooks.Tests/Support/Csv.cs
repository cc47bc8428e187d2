using System.Text;

namespace Notebooks.Tests.Support;

/// <summary>Reads a CSV file (RFC 4180 quoting) into rows of fields keyed by the header.</summary>
public static class Csv
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path)
    {
        var lines = Records(File.ReadAllText(path));
        var header = lines[0];
        return lines.Skip(1).Select(fields => (IReadOnlyDictionary<string, string>)header.Select((h, i) => (h, v: i < fields.Count ? fields[i] : ""))
            .ToDictionary(x => x.h, x => x.v)).ToList();
    }

    private static List<List<string>> Records(string text)
    {
        var records = new List<List<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                records.Add(fields);
                fields = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); records.Add(fields); }
        return records;
    }
}
