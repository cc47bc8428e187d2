using System.Diagnostics;
using System.Text.Json;

namespace Goroutines.Workbook.Cli.Kernel;

/// <summary>
/// Finds the notebook kernel: the <c>Microsoft.dotnet-interactive</c> local tool pinned in
/// <c>.config/dotnet-tools.json</c>, the same tool VS Code's Polyglot Notebooks runs. Restores it
/// (<c>dotnet tool restore</c>) when it is missing from the NuGet cache.
/// </summary>
public static class KernelLocator
{
    public const string PackageId = "microsoft.dotnet-interactive";
    private static readonly SemaphoreSlim RestoreGate = new(1, 1);

    /// <summary>The launch for a notebook in <paramref name="notebookFolder"/>.</summary>
    public static async Task<KernelLaunch> LocateAsync(string notebookFolder, string repoRoot, CancellationToken cancel = default)
    {
        var manifest = FindManifest(notebookFolder) ?? FindManifest(repoRoot)
            ?? throw new KernelException(
                $"No .config/dotnet-tools.json pinning {PackageId} was found above {notebookFolder} or {repoRoot}. " +
                "Run the workbook from a clone of the GoroutineWorkbook repository.");
        var version = VersionIn(manifest);
        var toolDll = ToolDll(version);
        if (toolDll is null)
        {
            await RestoreAsync(Path.GetDirectoryName(Path.GetDirectoryName(manifest)!)!, cancel);
            toolDll = ToolDll(version);
        }

        var underManifest = IsUnder(notebookFolder, Path.GetDirectoryName(Path.GetDirectoryName(manifest)!)!);
        if (underManifest)
            return new KernelLaunch("dotnet", ["interactive", "stdio"], $"dotnet interactive stdio ({PackageId} {version})");
        if (toolDll is null)
            throw new KernelException($"{PackageId} {version} is not in the NuGet cache after `dotnet tool restore`. Run `dotnet tool restore` in the repository and read its errors.");
        return new KernelLaunch("dotnet", ["exec", toolDll, "stdio"], $"{PackageId} {version} (dotnet exec)");
    }

    /// <summary>The nearest .config/dotnet-tools.json at or above <paramref name="folder"/> that pins the kernel tool.</summary>
    public static string? FindManifest(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".config", "dotnet-tools.json");
            if (File.Exists(candidate) && File.ReadAllText(candidate).Contains(PackageId, StringComparison.OrdinalIgnoreCase))
                return candidate;
        }
        return null;
    }

    private static string VersionIn(string manifest)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
        foreach (var tool in doc.RootElement.GetProperty("tools").EnumerateObject())
        {
            if (string.Equals(tool.Name, PackageId, StringComparison.OrdinalIgnoreCase))
                return tool.Value.GetProperty("version").GetString()!;
        }
        throw new KernelException($"{manifest} does not pin {PackageId}.");
    }

    private static string? ToolDll(string version)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(packages))
            packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var tools = Path.Combine(packages, PackageId, version, "tools");
        if (!Directory.Exists(tools))
            return null;
        return Directory.EnumerateFiles(tools, "Microsoft.DotNet.Interactive.App.dll", SearchOption.AllDirectories).FirstOrDefault();
    }

    private static async Task RestoreAsync(string repoRoot, CancellationToken cancel)
    {
        await RestoreGate.WaitAsync(cancel);
        try
        {
            var info = new ProcessStartInfo("dotnet", "tool restore")
            {
                WorkingDirectory = repoRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(info) ?? throw new KernelException("Could not start `dotnet tool restore`. Is the .NET SDK on PATH?");
            var stdout = process.StandardOutput.ReadToEndAsync(cancel);
            var stderr = process.StandardError.ReadToEndAsync(cancel);
            await process.WaitForExitAsync(cancel);
            if (process.ExitCode != 0)
                throw new KernelException(
                    $"`dotnet tool restore` failed (exit {process.ExitCode}) in {repoRoot}, so the notebook kernel is not installed:\n{await stdout}{await stderr}");
        }
        finally
        {
            RestoreGate.Release();
        }
    }

    private static bool IsUnder(string folder, string root)
    {
        var f = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var r = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return f.StartsWith(r, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
