namespace Notebooks.Tests.Support;

/// <summary>The site written once by `workbook export --out &lt;temp&gt;`, run as a process like the README's first command.</summary>
public sealed class ExportedSite : IAsyncLifetime
{
    public string Folder { get; } = Repo.FreshTempFolder("workbook-site");

    public CliRun Run { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(8), "export", "--out", Folder);

    public Task DisposeAsync()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    public string Page(string file) => File.ReadAllText(Path.Combine(Folder, file));
}
