using System;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;

namespace Goroutines.Workbook.Loading;

/// <summary>
/// Lets Plotly.NET load in a notebook kernel that ships an older FSharp.Core than the one Plotly.NET was built against.
/// </summary>
internal static class FSharpCoreResolution
{
    private static int installed;

    [ThreadStatic]
    private static bool resolving; // true while asking for "FSharp.Core" without a version, which may ask us again

    /// <summary>Installs the resolver once; called by the library's module initializer before any Plotly.NET type is touched.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 0)
            AssemblyLoadContext.Default.Resolving += Resolve;
    }

    // Plotly.NET 6.0.0 asks for FSharp.Core 10.1.0.0, the .NET Interactive kernel ships 10.0.0.0 and fails the load
    // ("Could not load file or assembly 'FSharp.Core, Version=10.1.0.0'"). Resolving is only asked after every normal
    // way to load FSharp.Core has failed; we then answer with the FSharp.Core the process already has (Plotly.NET uses
    // nothing of FSharp.Core that 10.0 lacks), and with null — "not mine" — for every other assembly.
    internal static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name != "FSharp.Core" || resolving)
            return null;
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core");
        if (loaded != null)
            return loaded;
        resolving = true;
        try
        {
            return context.LoadFromAssemblyName(new AssemblyName("FSharp.Core")); // no version: whatever the application ships
        }
        catch (Exception e) when (e is System.IO.FileNotFoundException or System.IO.FileLoadException)
        {
            return null;
        }
        finally
        {
            resolving = false;
        }
    }
}
