using System;
using System.Collections.Generic;
using Plotly.NET;
using static Goroutines.Workbook.PlotlyParts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Goroutines.Workbook;

public static partial class Charts
{
    // The states a goroutine is counted in, in stacking order, with their colour index.
    private static readonly (string Name, int Colour)[] States =
        [("running", 2), ("runnable", 0), ("in syscall", 5), ("waiting", 1)];

    /// <summary>
    /// How many goroutines are running, runnable (waiting for a P), in a syscall and waiting (blocked), over time, stacked.
    /// </summary>
    public static GenericChart GoroutineStates(RunResult run, ChartClock clock = ChartClock.Time)
    {
        ArgumentNullException.ThrowIfNull(run);
        var scale = ChartScale.For(clock);
        var events = scale.Events(run);
        var stateOf = new Dictionary<long, int>(); // G → index into States; dead Gs are removed
        var counts = new int[States.Length];
        // Stacked areas need every state at the same times, so a point is added to all of them whenever any count changes.
        var times = new List<double>();
        var values = new List<double>[States.Length];
        for (var i = 0; i < values.Length; i++)
            values[i] = [];

        foreach (var e in events)
        {
            if (NextState(e) is not { } state || e.G == 0)
                continue;
            if (stateOf.Remove(e.G, out var old))
                counts[old]--;
            if (state >= 0)
            {
                stateOf[e.G] = state;
                counts[state]++;
            }
            var t = scale.X(e.TimeNs);
            if (times.Count > 0 && times[^1] == t)
            {
                for (var i = 0; i < counts.Length; i++)
                    values[i][^1] = counts[i]; // several events at one instant: the last one counts
            }
            else
            {
                times.Add(t);
                for (var i = 0; i < counts.Length; i++)
                    values[i].Add(counts[i]);
            }
        }
        var end = scale.X(EndOf(events));
        if (times.Count > 0 && times[^1] < end)
        {
            times.Add(end);
            for (var i = 0; i < counts.Length; i++)
                values[i].Add(counts[i]);
        }

        var data = new List<GenericChart>();
        for (var i = 0; i < States.Length; i++)
        {
            var colour = Palette.Color(States[i].Colour);
            var area = CSharpChart.StackedArea<double, double, string>(times, values[i], Name: States[i].Name, UseDefaults: false,
                Line: StepLine(colour, 1), FillColor: Colour(colour));
            Set(TraceOf(area), ("stackgroup", "states"), ("hovertemplate", "%{y}"));
            data.Add(area);
        }
        var layout = LayoutOf("Goroutines by state",
            Axis(scale.AxisTitle, ("rangemode", "tozero")),
            Axis("goroutines (count)", ("rangemode", "tozero")),
            height: 360, hoverMode: "x unified", NotesAbout(run));
        const string caption = "Running can never exceed GOMAXPROCS; runnable goroutines wait in run queues for a P, "
                               + "waiting ones are blocked (channel, lock, sleep) and need another goroutine or a timer to wake them.";
        return Make(data, layout, caption);
    }

    // The state an event puts its goroutine in: an index into States, -1 for dead, null if the event changes nothing.
    private static int? NextState(TraceEvent e) => e.Kind switch
    {
        EventKind.GoStart or EventKind.GoSyscallEnd => 0,
        EventKind.GoSyscallEndBlocked => e.P >= 0 ? 0 : 1, // back with a P it runs; without one it waits in the global queue
        EventKind.GoCreate or EventKind.GoStop or EventKind.GoUnblock => 1,
        EventKind.GoSyscallBegin => 2,
        EventKind.GoBlock => 3,
        EventKind.GoDestroy => -1,
        _ => null,
    };
}
