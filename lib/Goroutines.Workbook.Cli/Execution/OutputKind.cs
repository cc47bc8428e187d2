namespace Goroutines.Workbook.Cli.Execution;

/// <summary>Where a cell output came from.</summary>
public enum OutputKind
{
    /// <summary>Console.Out (StandardOutputValueProduced).</summary>
    StandardOutput,
    /// <summary>Console.Error (StandardErrorValueProduced).</summary>
    StandardError,
    /// <summary>display(…) (DisplayedValueProduced, updated by DisplayedValueUpdated).</summary>
    Display,
    /// <summary>The value of the cell's last expression (ReturnValueProduced).</summary>
    ReturnValue,
    /// <summary>An error the kernel reported (ErrorProduced, or the message of CommandFailed).</summary>
    Error,
    /// <summary>Compiler errors and warnings (DiagnosticsProduced).</summary>
    Diagnostics,
}
