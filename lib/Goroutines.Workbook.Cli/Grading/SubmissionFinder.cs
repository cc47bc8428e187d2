namespace Goroutines.Workbook.Cli.Grading;

/// <summary>
/// Finds the submissions in a folder and whose each is. A notebook directly in the folder belongs to
/// the student its file is named after (<c>ada.ipynb</c>: ada); a notebook in a subfolder to the
/// student the subfolder is named after (<c>ada/00-start-here.ipynb</c>: ada). A roster overrides both:
/// a text file with one <c>file-or-folder,student</c> pair per line (# starts a comment).
/// </summary>
public static class SubmissionFinder
{
    public static IReadOnlyList<Submission> Find(string folder, string? rosterFile = null)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"{folder}: no such folder. Give the folder of submitted notebooks, e.g. workbook grade submissions/.");
        var root = Path.GetFullPath(folder);
        var roster = rosterFile is null ? new Dictionary<string, string>() : ReadRoster(rosterFile);
        var submissions = new List<Submission>();
        foreach (var path in Directory.EnumerateFiles(root, "*.ipynb", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (name.Split('/').Any(part => part.StartsWith('.')))
                continue; // .ipynb_checkpoints and other hidden copies are not submissions
            submissions.Add(new Submission(path, name, StudentOf(name, roster)));
        }
        return submissions;
    }

    /// <summary>The student of a submission named <paramref name="name"/> (relative, with '/').</summary>
    public static string StudentOf(string name, IReadOnlyDictionary<string, string> roster)
    {
        if (roster.TryGetValue(name, out var byFile))
            return byFile;
        var parts = name.Split('/');
        if (parts.Length > 1 && roster.TryGetValue(parts[0], out var byFolder))
            return byFolder;
        if (roster.TryGetValue(Path.GetFileNameWithoutExtension(name), out var byStem))
            return byStem;
        return parts.Length > 1 ? parts[0] : Path.GetFileNameWithoutExtension(name);
    }

    /// <summary>Reads a roster: "file-or-folder,student" per line; blank lines and # comments are skipped.</summary>
    public static Dictionary<string, string> ReadRoster(string file)
    {
        if (!File.Exists(file))
            throw new FileNotFoundException($"{file}: no such roster file. A roster has one line per submission: file-or-folder,student.");
        var roster = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in File.ReadLines(file))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var comma = line.IndexOf(',');
            if (comma <= 0 || comma == line.Length - 1)
                throw new InvalidDataException($"{file} line {number}: '{line}' is not 'file-or-folder,student' (e.g. ada.ipynb,Ada Lovelace).");
            roster[line[..comma].Trim().TrimEnd('/')] = line[(comma + 1)..].Trim();
        }
        return roster;
    }
}
