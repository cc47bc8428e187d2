using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Goroutines.Workbook;

/// <summary>
/// Draws a Snapshot as the classic G-M-P picture, in SVG: the global queue on top; one column per P with its M
/// (the thread) above it, the P's runnext slot and the first slots of its local queue; then the Ms without a P
/// (in a syscall, spinning, idle, sysmon), the waiting goroutines with their wait reasons, a legend, and the
/// reason for the last step as the caption. Pure function of the snapshot: the same snapshot gives the same bytes.
/// </summary>
internal static class GmpSvg
{
    /// <summary>Queue slots shown per P before "+N more".</summary>
    public const int QueueSlots = 8;

    /// <summary>Waiting goroutines listed before "+N more".</summary>
    public const int WaitingShown = 24;

    private const double Pad = 16, ColW = 200, PBoxW = 184, TokW = 40, TokH = 22, TokGap = 4;
    private const double MBoxH = 46, ThreadLen = 18, PBoxH = 164, MinWidth = 780;

    /// <summary>The CSS the diagram's classes need (also shared once by a scrubber's frames).</summary>
    public const string Css =
        ".gmp text{font-family:'DejaVu Sans',Verdana,system-ui,sans-serif;fill:#111}" +
        ".gmp .title{font-size:15px;font-weight:bold}.gmp .sub{font-size:12px;fill:#444}" +
        ".gmp .label{font-size:12px;fill:#222}.gmp .small{font-size:11px;fill:#444}.gmp .head{font-size:13px;font-weight:bold}" +
        ".gmp .caption{font-size:12.5px;font-style:italic}.gmp .bg{fill:#fff}" +
        ".gmp .pbox{fill:#f4f4f4;stroke:#222;stroke-width:1.5}.gmp .mbox{fill:#fff;stroke:#222;stroke-width:1.2}" +
        ".gmp .nobox{fill:none;stroke:#999;stroke-width:1;stroke-dasharray:4 3}.gmp .slot{fill:#fff;stroke:#777;stroke-width:1;stroke-dasharray:3 2}" +
        ".gmp .thread{stroke:#222;stroke-width:2.5}.gmp .rule{stroke:#ccc;stroke-width:1}" +
        ".gmp .tk text{font-size:11px;font-weight:bold}" +
        ".gmp .g-run rect{fill:#009E73;stroke:#000;stroke-width:2.5}" +
        ".gmp .g-rbl rect{fill:#56B4E9;stroke:#333;stroke-width:1}" +
        ".gmp .g-wait rect{fill:#E69F00;stroke:#000;stroke-width:1.5;stroke-dasharray:4 2}" +
        ".gmp .g-sys polygon{fill:#CC79A7;stroke:#000;stroke-width:1.2}" +
        ".gmp .g-other rect{fill:#BBBBBB;stroke:#333;stroke-width:1}";

    /// <summary>The picture as a standalone SVG document fragment (with its style unless withStyle is false).</summary>
    public static string Render(Snapshot snap, string title, IReadOnlyList<string>? stepReasons = null, bool withStyle = true)
    {
        ArgumentNullException.ThrowIfNull(snap);
        var width = Math.Max(MinWidth, Pad * 2 + snap.Ps.Count * ColW);
        var body = new Svg();
        var y = Header(body, snap, title);
        y = GlobalQueue(body, snap, y, width);
        y = Processors(body, snap, y);
        y = LooseThreads(body, snap, y, width);
        y = WaitingGs(body, snap, y, width);
        y = Legend(body, y);
        y = Caption(body, stepReasons is { Count: > 0 } ? stepReasons : [snap.Reason], y, width);
        var height = y + Pad;

        var svg = new StringBuilder();
        var summary = Summary(snap);
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gmp\" role=\"img\" width=\"{Svg.N(width)}\" height=\"{Svg.N(height)}\" viewBox=\"0 0 {Svg.N(width)} {Svg.N(height)}\" aria-label=\"{Svg.Esc(title + ". " + summary)}\">");
        svg.Append($"<title>{Svg.Esc(title)}</title><desc>{Svg.Esc(summary + " Last step: " + string.Join(" ", stepReasons is { Count: > 0 } ? stepReasons : [snap.Reason]))}</desc>");
        if (withStyle) svg.Append("<style>").Append(Css).Append("</style>");
        svg.Append($"<rect class=\"bg\" x=\"0\" y=\"0\" width=\"{Svg.N(width)}\" height=\"{Svg.N(height)}\"/>");
        svg.Append(body).Append("</svg>");
        return svg.ToString();
    }

    /// <summary>One sentence that says what the picture holds (for aria-label and desc).</summary>
    public static string Summary(Snapshot s)
    {
        if (s.Ended) return $"The run has ended: its {s.Ps.Count} P{(s.Ps.Count == 1 ? "" : "s")} run nothing and its threads are gone.";
        var running = s.Ps.Count(p => p.Running is not null);
        var queued = s.Ps.Sum(p => p.Queue.Count + (p.Runnext is null ? 0 : 1));
        var waiting = s.Gs.Count(g => g.Status == GStatus.Waiting && !g.System);
        return $"{s.Ps.Count} P{(s.Ps.Count == 1 ? "" : "s")}, {running} running a goroutine; {queued} goroutine{(queued == 1 ? "" : "s")} in local queues and runnext, " +
               $"{s.GlobalQueue.Count} in the global queue, {waiting} waiting; {s.Ms.Count} thread{(s.Ms.Count == 1 ? "" : "s")}.";
    }

    private static double Header(Svg s, Snapshot snap, string title)
    {
        s.Text(Pad, 24, title, "title");
        var spinning = snap.Ms.Count(m => m.Spinning);
        s.Text(Pad, 42, $"GOMAXPROCS={snap.Ps.Count} · {snap.Ms.Count} threads ({spinning} spinning, {snap.Ms.Count(m => m.Idle)} idle) · t = {Micros(snap.TimeNs)} µs · {snap.EventCount} events", "sub");
        return 52;
    }

    private static double GlobalQueue(Svg s, Snapshot snap, double y, double width)
    {
        s.Text(Pad, y + 16, $"global run queue · {Count(snap.GlobalQueue.Count, "goroutine")}", "label");
        var x = Pad + 200;
        var fits = (int)Math.Max(1, Math.Min(16, (width - x - Pad - 70) / (TokW + TokGap)));
        if (snap.GlobalQueue.Count == 0)
        {
            s.Rect(x, y + 2, TokW, TokH, "slot");
            s.Text(x + TokW + 8, y + 17, "empty", "small");
        }
        for (var i = 0; i < Math.Min(fits, snap.GlobalQueue.Count); i++)
            Token(s, x + i * (TokW + TokGap), y + 2, snap, snap.GlobalQueue[i], GStatus.Runnable);
        if (snap.GlobalQueue.Count > fits)
            s.Text(x + fits * (TokW + TokGap) + 4, y + 17, $"+{snap.GlobalQueue.Count - fits} more", "small");
        s.Line(Pad, y + 36, width - Pad, y + 36, "rule");
        return y + 46;
    }

    private static double Processors(Svg s, Snapshot snap, double y)
    {
        foreach (var p in snap.Ps)
        {
            var x = Pad + p.Id * ColW;
            var m = p.M is { } mid ? snap.Ms.FirstOrDefault(t => t.Id == mid) : null;
            // The thread (M) that holds the P, with the goroutine it runs.
            if (m is null)
            {
                s.Rect(x + 8, y, PBoxW - 16, MBoxH, "nobox", "rx=\"4\"");
                s.Text(x + PBoxW / 2, y + 27, snap.Ended ? "no M: the run has ended" : p.Status == PStatus.Syscall ? "no M: its M is in a syscall" : "no M", "small", "middle");
            }
            else
            {
                s.Raw("<g class=\"m\"><title>").Raw(Svg.Esc($"M{m.Id} holds P{p.Id}: {MState(m)}")).Raw("</title>");
                s.Rect(x + 8, y, PBoxW - 16, MBoxH, "mbox", "rx=\"4\"");
                s.Text(x + 16, y + 19, $"M{m.Id}", "head");
                s.Text(x + 16, y + 36, MState(m), "small");
                s.Raw("</g>");
                if (m.CurG is { } g) Token(s, x + PBoxW - 16 - TokW - 6, y + 12, snap, g, GStatus.Running);
                s.Line(x + PBoxW / 2, y + MBoxH, x + PBoxW / 2, y + MBoxH + ThreadLen, "thread");
            }
            // The P: status, schedtick, runnext and the local queue.
            var py = y + MBoxH + ThreadLen;
            s.Raw($"<g class=\"p\"><title>{Svg.Esc($"P{p.Id}: {PState(snap, p)}, schedtick {p.Schedtick}, runnext {(p.Runnext is { } r ? "G" + r : "empty")}, {Count(p.Queue.Count, "goroutine")} queued")}</title>");
            s.Rect(x, py, PBoxW, PBoxH, "pbox", "rx=\"6\"");
            s.Text(x + 10, py + 19, $"P{p.Id}", "head");
            s.Text(x + 40, py + 19, PState(snap, p), "label");
            s.Text(x + 10, py + 35, $"schedtick {p.Schedtick} · timers {p.Timers}", "small");
            s.Raw("</g>");
            s.Text(x + 10, py + 59, "runnext", "label");
            if (p.Runnext is { } next) Token(s, x + 70, py + 44, snap, next, GStatus.Runnable);
            else s.Rect(x + 70, py + 44, TokW, TokH, "slot");
            s.Text(x + 10, py + 86, $"local queue · {p.Queue.Count}", "label");
            var shown = Math.Min(QueueSlots, p.Queue.Count);
            for (var i = 0; i < shown; i++)
                Token(s, x + 6 + i % 4 * (TokW + TokGap), py + 94 + i / 4 * (TokH + TokGap), snap, p.Queue[i], GStatus.Runnable);
            if (p.Queue.Count == 0) s.Rect(x + 6, py + 94, TokW, TokH, "slot");
            if (p.Queue.Count > QueueSlots) s.Text(x + 10, py + 154, $"+{p.Queue.Count - QueueSlots} more", "small");
        }
        return y + MBoxH + ThreadLen + PBoxH + 14;
    }

    // Ms that hold no P: in a syscall, spinning, idle, sysmon.
    private static double LooseThreads(Svg s, Snapshot snap, double y, double width)
    {
        var holding = snap.Ps.Where(p => p.M is not null).Select(p => p.M!.Value).ToHashSet();
        var loose = snap.Ms.Where(m => !holding.Contains(m.Id)).OrderBy(m => m.Id).ToList();
        s.Text(Pad, y + 14, $"threads without a P · {loose.Count}", "label");
        y += 22;
        const double boxW = 170, boxH = 40;
        var perRow = Math.Max(1, (int)((width - 2 * Pad + 8) / (boxW + 8)));
        for (var i = 0; i < loose.Count; i++)
        {
            var m = loose[i];
            var x = Pad + i % perRow * (boxW + 8);
            var by = y + i / perRow * (boxH + 8);
            s.Raw("<g class=\"m\"><title>").Raw(Svg.Esc($"M{m.Id}: {MState(m)}")).Raw("</title>");
            s.Rect(x, by, boxW, boxH, m.Idle ? "nobox" : "mbox", "rx=\"4\"");
            s.Text(x + 8, by + 17, $"M{m.Id}", "head");
            s.Text(x + 8, by + 33, m.P is { } handed && !m.Idle && !m.InSyscall && !m.Sysmon ? $"waking to take P{handed}" : MState(m), "small");
            s.Raw("</g>");
            if (m.CurG is { } g) Token(s, x + boxW - TokW - 6, by + 9, snap, g, GStatus.Syscall);
        }
        var rows = (loose.Count + perRow - 1) / perRow;
        return y + Math.Max(1, rows) * (boxH + 8) + 4;
    }

    private static double WaitingGs(Svg s, Snapshot snap, double y, double width)
    {
        var waiting = snap.Gs.Where(g => g.Status == GStatus.Waiting).OrderBy(g => g.System).ThenBy(g => g.Id).ToList();
        s.Text(Pad, y + 14, $"waiting goroutines · {waiting.Count(g => !g.System)} (+{waiting.Count(g => g.System)} of the runtime's own)", "label");
        y += 22;
        const double cellW = 230, cellH = 26;
        var perRow = Math.Max(1, (int)((width - 2 * Pad) / cellW));
        var shown = Math.Min(WaitingShown, waiting.Count);
        for (var i = 0; i < shown; i++)
        {
            var g = waiting[i];
            var x = Pad + i % perRow * cellW;
            var gy = y + i / perRow * cellH;
            Token(s, x, gy, snap, g.Id, GStatus.Waiting);
            s.Text(x + TokW + 6, gy + 15, Clip(g.WaitReason + (g.System ? " (runtime)" : ""), 28), "small");
        }
        if (waiting.Count == 0) s.Text(Pad, y + 15, "none", "small");
        var rows = Math.Max(1, (shown + perRow - 1) / perRow);
        y += rows * cellH;
        if (waiting.Count > shown)
        {
            s.Text(Pad, y + 12, $"+{waiting.Count - shown} more", "small");
            y += 18;
        }
        return y + 6;
    }

    private static double Legend(Svg s, double y)
    {
        s.Text(Pad, y + 15, "goroutines:", "label");
        var x = Pad + 86;
        foreach (var style in GStyle.All)
        {
            TokenShape(s, x, y, "G", style, style.Name);
            s.Text(x + TokW + 6, y + 15, style.Name, "small");
            x += TokW + 14 + style.Name.Length * 6.5;
        }
        s.Text(x + 8, y + 15, "· shape and colour both show the status", "small");
        return y + TokH + 12;
    }

    // The rule(s) that fired in the last step: one paragraph per event of the step (at most 6).
    private static double Caption(Svg s, IReadOnlyList<string> reasons, double y, double width)
    {
        var perLine = (int)((width - 2 * Pad) / 6.6);
        var shown = reasons.Where(r => r.Length > 0).Take(6).ToList();
        if (shown.Count == 0) shown.Add("none yet (the run has not moved).");
        for (var i = 0; i < shown.Count; i++)
        {
            var text = (shown.Count == 1 ? "Last step: " : $"Last step, event {i + 1} of {reasons.Count}: ") + shown[i];
            foreach (var line in Wrap(text, perLine))
            {
                y += 17;
                s.Text(Pad, y, line, "caption");
            }
        }
        return y + 4;
    }

    // A goroutine token: its shape and fill by status, its id, and a tooltip.
    private static void Token(Svg s, double x, double y, Snapshot snap, long id, GStatus assumed)
    {
        var g = snap.G(id);
        var status = g?.Status ?? assumed;
        var style = GStyle.For(status);
        var tip = $"G{id} · {style.Name}" + (g is { WaitReason.Length: > 0 } ? $" ({g.WaitReason})" : "") + (g?.System == true ? " · a runtime goroutine" : "");
        TokenShape(s, x, y, "G" + id, style, tip);
    }

    private static void TokenShape(Svg s, double x, double y, string label, GStyle style, string tip)
    {
        var cls = style.Shape switch
        {
            GShape.Bold => "g-run",
            GShape.Dashed => "g-wait",
            GShape.Notched => "g-sys",
            _ => ReferenceEquals(style, GStyle.Runnable) ? "g-rbl" : "g-other",
        };
        s.Raw($"<g class=\"tk {cls}\"><title>{Svg.Esc(tip)}</title>");
        switch (style.Shape)
        {
            case GShape.Pill:
                s.Raw($"<rect x=\"{Svg.N(x)}\" y=\"{Svg.N(y)}\" width=\"{Svg.N(TokW)}\" height=\"{Svg.N(TokH)}\" rx=\"11\"/>");
                break;
            case GShape.Notched:
                const double c = 6;
                s.Raw($"<polygon points=\"{Pt(x + c, y)} {Pt(x + TokW - c, y)} {Pt(x + TokW, y + c)} {Pt(x + TokW, y + TokH - c)} {Pt(x + TokW - c, y + TokH)} {Pt(x + c, y + TokH)} {Pt(x, y + TokH - c)} {Pt(x, y + c)}\"/>");
                break;
            default:
                s.Raw($"<rect x=\"{Svg.N(x)}\" y=\"{Svg.N(y)}\" width=\"{Svg.N(TokW)}\" height=\"{Svg.N(TokH)}\" rx=\"2\"/>");
                break;
        }
        s.Text(x + TokW / 2, y + 15, label, "", "middle").Raw("</g>");
    }

    private static string Pt(double x, double y) => Svg.N(x) + "," + Svg.N(y);

    private static string MState(MSnapshot m)
    {
        if (m.Sysmon) return "sysmon (no P, ever)";
        if (m.InSyscall) return m.CurG is { } g ? $"in a syscall with G{g}" : "in a syscall";
        if (m.Idle) return "idle: asleep, no P";
        if (m.Spinning) return "spinning: looking for work";
        if (m.CurG is { } run) return $"running G{run}";
        if (m.P is not null) return "scheduling (g0)";
        return Clip(m.Doing, 24);
    }

    private static string PState(Snapshot snap, PSnapshot p) => snap.Ended ? "stopped" : PState(p.Status);

    private static string PState(PStatus status) => status switch
    {
        PStatus.Idle => "idle",
        PStatus.Running => "running",
        PStatus.Syscall => "syscall",
        PStatus.GcStop => "gc stop",
        _ => "dead",
    };

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    private static string Micros(long ns) => (ns / 1000.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    // Greedy word wrap.
    private static IEnumerable<string> Wrap(string text, int perLine)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > perLine)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }
}
