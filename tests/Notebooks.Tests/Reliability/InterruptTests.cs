using System.Diagnostics;
using Notebooks.Tests.Support;

namespace Notebooks.Tests.Reliability;

/// <summary>
/// Issue 7, the runner: a teacher who stops `workbook run` (Ctrl+C, or CI cancelling the job) while a
/// cell hangs leaves no kernel behind: the command stops its kernels' whole process trees on the way out.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class InterruptTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Stopping_the_command_while_a_cell_hangs_stops_its_kernel_too(string signal)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "workbook.dll"));
        foreach (var arg in new[] { "run", Repo.TestData("hanging-cell.ipynb"), "--timeout", "300" }) info.ArgumentList.Add(arg);
        info.Environment["CI"] = "true";
        using var workbook = Process.Start(info)!;
        var stderr = workbook.StandardError.ReadToEndAsync();
        var seen = new System.Text.StringBuilder();
        var kernels = new List<int>();
        try
        {
            // Wait until the hanging cell is running: cell 2 has finished.
            using (var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
            {
                while (await workbook.StandardOutput.ReadLineAsync(cts.Token) is { } line)
                {
                    seen.AppendLine(line);
                    if (line.Contains("cell 2 ok")) break;
                }
            }
            Assert.Contains("cell 2 ok", seen.ToString());
            kernels.AddRange(Descendants(workbook.Id));
            Assert.NotEmpty(kernels);
            var drain = workbook.StandardOutput.ReadToEndAsync();

            using (var kill = Process.Start("kill", ["-" + signal, workbook.Id.ToString()])) await kill.WaitForExitAsync();
            using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
                await workbook.WaitForExitAsync(cts.Token);
            await drain;

            Assert.NotEqual(0, workbook.ExitCode);
            var left = kernels.Where(Alive).ToList();
            Assert.True(left.Count == 0 || SpinWait.SpinUntil(() => !left.Any(Alive), TimeSpan.FromSeconds(15)),
                $"kernel processes {string.Join(", ", left.Where(Alive))} outlived the workbook command (SIG{signal})\n{seen}\n{await stderr}");
        }
        finally
        {
            if (!workbook.HasExited) workbook.Kill(entireProcessTree: true);
            foreach (var pid in kernels.Where(Alive))
                try { Process.GetProcessById(pid).Kill(entireProcessTree: true); } catch (ArgumentException) { }
        }
    }

    /// <summary>Every process below pid (Linux: /proc/pid/task/*/children).</summary>
    private static List<int> Descendants(int pid)
    {
        var all = new List<int>();
        var queue = new Queue<int>([pid]);
        while (queue.Count > 0)
        {
            var p = queue.Dequeue();
            var tasks = $"/proc/{p}/task";
            if (!Directory.Exists(tasks)) continue;
            foreach (var task in Directory.GetDirectories(tasks))
            {
                string text;
                try { text = File.ReadAllText(Path.Combine(task, "children")); }
                catch (IOException) { continue; }
                foreach (var child in text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse))
                {
                    all.Add(child);
                    queue.Enqueue(child);
                }
            }
        }
        return all;
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            if (p.HasExited) return false;
            // A zombie (exited, not yet reaped) is not running.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException)
        {
            return false;
        }
    }
}
