using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Goroutines.Workbook.Cli.Kernel;

/// <summary>
/// One real notebook kernel (<c>dotnet interactive stdio</c>): commands go in as one JSON
/// KernelCommandEnvelope per line on stdin, events come back as JSON lines on stdout. A kernel that
/// hangs or outlives its owner is killed with its whole process tree.
/// </summary>
public sealed class KernelProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<KernelProcess, byte> Live = new();
    private static int _exitHookInstalled;
    private static readonly List<System.Runtime.InteropServices.PosixSignalRegistration> SignalHooks = [];

    private readonly Process _process;
    private readonly Channel<KernelEvent> _events = Channel.CreateUnbounded<KernelEvent>();
    private readonly StringBuilder _stderr = new();
    private readonly Task _reader;
    private int _nextToken;
    private bool _killed;

    private KernelProcess(Process process)
    {
        _process = process;
        _reader = Task.Run(ReadEventsAsync);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
                if (_stderr.Length > 16_000) _stderr.Remove(0, _stderr.Length - 16_000);
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>The kernel's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the kernel process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the kernel wrote to stderr.</summary>
    public string StandardErrorTail
    {
        get { lock (_stderr) return _stderr.ToString().Trim(); }
    }

    /// <summary>Starts a kernel in <paramref name="workingDirectory"/> and waits until it reports KernelReady.</summary>
    public static async Task<KernelProcess> StartAsync(KernelLaunch launch, string workingDirectory, TimeSpan startLimit, CancellationToken cancel = default,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        InstallExitHook();
        var info = new ProcessStartInfo(launch.FileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in launch.Arguments) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new KernelException($"Could not start {launch.Description}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new KernelException($"Could not start {launch.Description}: {e.Message}. Is the .NET SDK on PATH?", e);
        }

        var kernel = new KernelProcess(process);
        Live[kernel] = 0;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(startLimit);
        try
        {
            while (true)
            {
                var e = await kernel._events.Reader.ReadAsync(limit.Token);
                if (e.EventType == "KernelReady")
                    return kernel;
            }
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            kernel.Kill();
            throw new KernelException(
                $"The kernel ({launch.Description}) did not become ready within {startLimit.TotalSeconds:0} s in {workingDirectory}; it was stopped. {kernel.StandardErrorTail}");
        }
        catch (ChannelClosedException)
        {
            await kernel.WaitForExitAsync(TimeSpan.FromSeconds(5));
            var code = process.HasExited ? process.ExitCode.ToString() : "?";
            kernel.Kill();
            throw new KernelException(
                $"The kernel ({launch.Description}) exited with code {code} before it was ready. " +
                $"Run `dotnet tool restore` in the repository, then try again.\n{kernel.StandardErrorTail}");
        }
        catch
        {
            kernel.Kill();
            throw;
        }
    }

    /// <summary>
    /// Runs one cell. Waits for the kernel's CommandSucceeded or CommandFailed for it; after
    /// <paramref name="limit"/> the kernel is killed and the cell reported as timed out.
    /// </summary>
    public async Task<SubmissionResult> SubmitAsync(string code, string kernelName, TimeSpan limit, CancellationToken cancel = default)
    {
        if (_killed || _process.HasExited)
            throw new KernelException("The kernel has already stopped; start a new one.");
        var token = "workbook-" + Interlocked.Increment(ref _nextToken);
        var envelope = JsonSerializer.Serialize(new
        {
            token,
            commandType = "SubmitCode",
            command = new { code, targetKernelName = kernelName },
        });
        var watch = Stopwatch.StartNew();
        var events = new List<KernelEvent>();
        try
        {
            await _process.StandardInput.WriteLineAsync(envelope.AsMemory(), cancel);
            await _process.StandardInput.FlushAsync(cancel);
        }
        catch (IOException)
        {
            return new SubmissionResult(SubmissionStatus.KernelExited, events, ExitMessage(), watch.Elapsed);
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timer.CancelAfter(limit);
        try
        {
            while (true)
            {
                var e = await _events.Reader.ReadAsync(timer.Token);
                if (e.Token is null || !(e.Token == token || e.Token.StartsWith(token + ".", StringComparison.Ordinal)))
                    continue;
                events.Add(e);
                if (e.Token != token) continue;
                if (e.EventType == "CommandSucceeded")
                    return new SubmissionResult(SubmissionStatus.Succeeded, events, null, watch.Elapsed);
                if (e.EventType == "CommandFailed")
                    return new SubmissionResult(SubmissionStatus.Failed, events, e.GetString("message") ?? "the command failed", watch.Elapsed);
            }
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            Kill();
            return new SubmissionResult(SubmissionStatus.TimedOut, events,
                $"the cell did not finish within {limit.TotalSeconds:0.#} s; the kernel (pid {_process.Id}) was stopped",
                watch.Elapsed);
        }
        catch (ChannelClosedException)
        {
            await WaitForExitAsync(TimeSpan.FromSeconds(5));
            var message = ExitMessage();
            Kill();
            return new SubmissionResult(SubmissionStatus.KernelExited, events, message, watch.Elapsed);
        }
    }

    /// <summary>Kills the kernel and every process it started.</summary>
    public void Kill()
    {
        _killed = true;
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // already gone or not ours to kill
        }
        Live.TryRemove(this, out _);
    }

    /// <summary>Asks the kernel to quit; kills it if it has not exited a few seconds later.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_killed && !_process.HasExited)
        {
            try
            {
                await _process.StandardInput.WriteLineAsync("""{"token":"workbook-quit","commandType":"Quit","command":{}}""");
                await _process.StandardInput.FlushAsync();
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // the kernel is already going away
            }
            await WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
        Kill();
        try { await _reader.WaitAsync(TimeSpan.FromSeconds(5)); } catch (TimeoutException) { }
        _process.Dispose();
    }

    private async Task WaitForExitAsync(TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { }
    }

    private string ExitMessage()
    {
        var code = _process.HasExited ? $"exited with code {_process.ExitCode}" : "stopped answering";
        var tail = StandardErrorTail;
        return $"the kernel process {code} while the cell ran" + (tail.Length > 0 ? ": " + tail : "");
    }

    private async Task ReadEventsAsync()
    {
        try
        {
            var stdout = _process.StandardOutput;
            while (await stdout.ReadLineAsync() is { } line)
            {
                var e = KernelEvent.TryParse(line);
                if (e is not null)
                    await _events.Writer.WriteAsync(e);
            }
        }
        catch (IOException)
        {
            // the kernel was killed
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    private static void InstallExitHook()
    {
        if (Interlocked.Exchange(ref _exitHookInstalled, 1) == 1)
            return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
        // SIGTERM (CI cancelling a job, `kill`) and SIGHUP (the terminal closed) end the process without
        // ProcessExit reaching the kernels in time: stop them first, then let the signal do its default.
        foreach (var signal in new[] { System.Runtime.InteropServices.PosixSignal.SIGTERM, System.Runtime.InteropServices.PosixSignal.SIGHUP })
        {
            try { SignalHooks.Add(System.Runtime.InteropServices.PosixSignalRegistration.Create(signal, _ => KillAll())); }
            catch (PlatformNotSupportedException) { }
        }
    }

    private static void KillAll()
    {
        foreach (var kernel in Live.Keys)
            kernel.Kill();
    }
}
