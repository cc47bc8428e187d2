namespace Goroutines.Workbook.Cli.Execution;

/// <summary>
/// Puts the built library where the lessons reference it: <c>artifacts/lib/</c>, one fixed folder for
/// Debug and Release builds alike. Files are replaced by writing a new file and renaming it over the
/// old one, so a kernel that has the old DLL open (VS Code) keeps working on it and picks up the new
/// one when it is restarted; unchanged files are left alone.
/// </summary>
public static class LibraryStager
{
    /// <summary>
    /// The assemblies the lessons reference, and their symbols: the library, and Plotly.NET (with what it needs
    /// that the kernel lacks) for its charts. Not FSharp.Core: the library makes Plotly.NET use the kernel's own.
    /// </summary>
    public static readonly IReadOnlyList<string> Assemblies =
        ["Goroutines", "Goroutines.Workbook", "Plotly.NET", "Plotly.NET.CSharp", "DynamicObj", "Fable.Core", "Giraffe.ViewEngine"];

    /// <summary>Copies the library from <paramref name="sourceFolder"/> (default: this program's folder) to the layout's library folder.</summary>
    public static IReadOnlyList<string> Stage(RepoLayout layout, string? sourceFolder = null)
    {
        sourceFolder ??= AppContext.BaseDirectory;
        var target = layout.LibraryFolder;
        Directory.CreateDirectory(target);
        var changed = new List<string>();
        using var guard = AcquireLock(target);
        foreach (var name in Assemblies)
        {
            var dll = Path.Combine(sourceFolder, name + ".dll");
            if (!File.Exists(dll))
                throw new LibraryMissingException(
                    $"{name}.dll is not in {sourceFolder}, so the lessons cannot reference it. " +
                    "Build the solution first: dotnet build GoroutineWorkbook.sln (or run the workbook with `dotnet run --project lib/Goroutines.Workbook.Cli -- run`).");
            foreach (var extension in new[] { ".dll", ".pdb", ".xml" })
            {
                var source = Path.Combine(sourceFolder, name + extension);
                if (File.Exists(source) && Replace(source, Path.Combine(target, name + extension)))
                    changed.Add(name + extension);
            }
        }
        CleanStale(target);
        return changed;
    }

    private static bool Replace(string source, string destination)
    {
        if (File.Exists(destination) && SameBytes(source, destination))
            return false;
        var temp = destination + ".new-" + Environment.ProcessId;
        File.Copy(source, temp, overwrite: true);
        try
        {
            File.Move(temp, destination, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Windows: a kernel has the old file mapped. It may still be renamed out of the way.
            File.Move(destination, destination + ".stale-" + DateTime.UtcNow.Ticks);
            File.Move(temp, destination);
        }
        return true;
    }

    private static bool SameBytes(string a, string b)
    {
        var fa = new FileInfo(a);
        var fb = new FileInfo(b);
        if (fa.Length != fb.Length) return false;
        return File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));
    }

    private static void CleanStale(string folder)
    {
        foreach (var stale in Directory.EnumerateFiles(folder, "*.stale-*"))
        {
            try { File.Delete(stale); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* still open in a kernel */ }
        }
    }

    private static FileStream AcquireLock(string folder)
    {
        var path = Path.Combine(folder, ".stage.lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 200)
            {
                Thread.Sleep(50);
            }
        }
    }
}
