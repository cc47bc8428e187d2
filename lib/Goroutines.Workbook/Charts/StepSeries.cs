using System.Collections.Generic;
using System.Linq;

namespace Goroutines.Workbook;

/// <summary>A value over time, kept as the points where it changes (drawn as steps).</summary>
internal sealed class StepSeries
{
    private readonly List<double> x = [];
    private readonly List<double> y = [];

    /// <summary>The times of the points.</summary>
    public IReadOnlyList<double> X => x;

    /// <summary>The values of the points.</summary>
    public IReadOnlyList<double> Y => y;

    /// <summary>The largest value (0 when empty).</summary>
    public double Max => y.Count == 0 ? 0 : y.Max();

    /// <summary>Records the value at time t, if it changed.</summary>
    public void Add(double t, double value)
    {
        if (y.Count > 0 && y[^1] == value)
            return;
        x.Add(t);
        y.Add(value);
    }

    /// <summary>Holds the last value until time t, so the line reaches the end of the run.</summary>
    public void End(double t)
    {
        if (y.Count > 0 && x[^1] < t)
        {
            x.Add(t);
            y.Add(y[^1]);
        }
    }
}
