namespace Notebooks.Tests.Support;

/// <summary>A theory that needs Jupyter: skipped, with the reason, only where Jupyter is missing outside CI.</summary>
public sealed class JupyterTheoryAttribute : TheoryAttribute
{
    public JupyterTheoryAttribute()
    {
        if (Jupyter.SkipReason is { } reason)
            Skip = reason;
    }
}
