using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Goroutines;

/// <summary>
/// A run as Chrome trace-event JSON (the format chrome://tracing and ui.perfetto.dev open).
/// Process 1 "Ps" has one track per P with a slice for each stretch a goroutine ran there; process 2
/// "Ms (OS threads)" has one track per M with the same runs and its syscalls; every other event is an
/// instant on its P's track (or its M's, or the "runtime" track) with the rule that fired in args.reason.
/// Counters show the global and local run-queue lengths and the thread count. Times are in microseconds.
/// </summary>
public static class ChromeTrace
{
    private const int PsPid = 1;
    private const int MsPid = 2;
    private const int RuntimePid = 3;

    /// <summary>The run's events as a Chrome trace-event JSON document.</summary>
    public static string ToJson(RunResult run)
    {
        using var buffer = new MemoryStream();
        Write(run, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the JSON to a file (e.g. "run.json", then open it at ui.perfetto.dev).</summary>
    public static void Save(RunResult run, string path)
    {
        using var file = File.Create(path);
        Write(run, file);
    }

    /// <summary>Writes the JSON to a stream.</summary>
    public static void Write(RunResult run, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("displayTimeUnit", "ns");
        json.WriteStartArray("traceEvents");
        WriteTracks(json, run);
        WriteEvents(json, run.Events);
        json.WriteEndArray();
        json.WriteStartObject("otherData");
        json.WriteString("gomaxprocs", run.Options.MaxProcs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("outcome", run.Outcome.ToString());
        json.WriteString("droppedEvents", run.DroppedEvents.ToString(System.Globalization.CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // Names and orders the processes and tracks: P0…Pn-1, then the Ms that appear in the events.
    private static void WriteTracks(Utf8JsonWriter json, RunResult run)
    {
        Meta(json, "process_name", PsPid, null, "Ps (logical processors)");
        Meta(json, "process_name", MsPid, null, "Ms (OS threads)");
        Meta(json, "process_name", RuntimePid, null, "runtime");
        Meta(json, "thread_name", RuntimePid, 0, "events without a P or M");
        var ps = new SortedSet<int>();
        var ms = new SortedSet<int>();
        for (var p = 0; p < run.Options.MaxProcs; p++) ps.Add(p);
        foreach (var e in run.Events)
        {
            if (e.P >= 0) ps.Add(e.P);
            if (e.M >= 0) ms.Add(e.M);
        }
        foreach (var p in ps) Meta(json, "thread_name", PsPid, p, "P" + p);
        foreach (var m in ms) Meta(json, "thread_name", MsPid, m, "M" + m);
    }

    // Slices for runs and syscalls (GSpan, as the timeline chart draws them), instants for every other event,
    // counters for queues and threads.
    private static void WriteEvents(Utf8JsonWriter json, IReadOnlyList<TraceEvent> events)
    {
        foreach (var e in events)
        {
            if (e.Kind != EventKind.GoStart) Instant(json, e);
            Counters(json, e);
        }
        foreach (var span in GSpan.FromEvents(events))
        {
            var args = new Dictionary<string, string> { ["started"] = span.Reason, ["ended"] = span.Ended };
            if (span.InSyscall)
            {
                if (span.M >= 0) Slice(json, $"G{span.G} syscall", "syscall", MsPid, span.M, span.StartNs, span.EndNs, span.G, span.M, span.P, args);
                continue;
            }
            Slice(json, "G" + span.G, "run", PsPid, span.P, span.StartNs, span.EndNs, span.G, span.M, span.P, args);
            if (span.M >= 0) Slice(json, "G" + span.G, "run", MsPid, span.M, span.StartNs, span.EndNs, span.G, span.M, span.P, args);
        }
    }

    // A complete slice ("ph":"X").
    private static void Slice(Utf8JsonWriter json, string name, string category, int pid, int tid, long startNs, long endNs, long g, int m, int p, Dictionary<string, string> text)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("cat", category);
        json.WriteString("ph", "X");
        json.WriteNumber("ts", Micros(startNs));
        json.WriteNumber("dur", Micros(Math.Max(0, endNs - startNs)));
        json.WriteNumber("pid", pid);
        json.WriteNumber("tid", tid);
        json.WriteStartObject("args");
        json.WriteNumber("g", g);
        json.WriteNumber("m", m);
        json.WriteNumber("p", p);
        foreach (var (key, value) in text) json.WriteString(key, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // An instant event ("ph":"i", thread-scoped) on the P's track, else the M's, else the runtime track.
    private static void Instant(Utf8JsonWriter json, TraceEvent e)
    {
        var (pid, tid) = e.P >= 0 ? (PsPid, e.P) : e.M >= 0 ? (MsPid, e.M) : (RuntimePid, 0);
        json.WriteStartObject();
        json.WriteString("name", e.G == 0 ? e.Kind.ToString() : $"{e.Kind} G{e.G}");
        json.WriteString("cat", e.Kind.ToString());
        json.WriteString("ph", "i");
        json.WriteString("s", "t");
        json.WriteNumber("ts", Micros(e.TimeNs));
        json.WriteNumber("pid", pid);
        json.WriteNumber("tid", tid);
        json.WriteStartObject("args");
        json.WriteNumber("seq", e.Seq);
        json.WriteNumber("g", e.G);
        json.WriteNumber("m", e.M);
        json.WriteNumber("p", e.P);
        json.WriteNumber("arg", e.Arg);
        json.WriteString("detail", e.Detail);
        json.WriteString("reason", e.Reason);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // Counter events ("ph":"C"): run-queue lengths and threads after the event.
    private static void Counters(Utf8JsonWriter json, TraceEvent e)
    {
        json.WriteStartObject();
        json.WriteString("name", "run queues");
        json.WriteString("ph", "C");
        json.WriteNumber("ts", Micros(e.TimeNs));
        json.WriteNumber("pid", PsPid);
        json.WriteStartObject("args");
        json.WriteNumber("global", e.GlobalQueue);
        for (var p = 0; p < e.LocalQueues.Length; p++) json.WriteNumber("P" + p, e.LocalQueues[p]);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject();
        json.WriteString("name", "threads");
        json.WriteString("ph", "C");
        json.WriteNumber("ts", Micros(e.TimeNs));
        json.WriteNumber("pid", MsPid);
        json.WriteStartObject("args");
        json.WriteNumber("threads", e.Threads);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // A metadata event naming a process or a thread (track).
    private static void Meta(Utf8JsonWriter json, string name, int pid, int? tid, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("ph", "M");
        json.WriteNumber("pid", pid);
        if (tid is { } t) json.WriteNumber("tid", t);
        json.WriteStartObject("args");
        json.WriteString("name", value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static double Micros(long ns) => ns / 1000.0;
}
