using System;
using System.Reflection;
using System.Runtime.Loader;
using Goroutines.Workbook.Loading;

namespace Goroutines.Workbook.Tests;

public class FSharpCoreResolutionTests
{
    [Fact]
    public void A_request_for_a_newer_FSharp_Core_gets_the_one_already_loaded()
    {
        var loaded = typeof(Microsoft.FSharp.Core.FSharpOption<int>).Assembly; // Plotly.NET's charts have loaded it

        var answer = FSharpCoreResolution.Resolve(AssemblyLoadContext.Default, new AssemblyName("FSharp.Core, Version=99.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"));

        Assert.Same(loaded, answer);
    }

    [Fact]
    public void Any_other_assembly_is_left_to_the_other_resolvers()
    {
        Assert.Null(FSharpCoreResolution.Resolve(AssemblyLoadContext.Default, new AssemblyName("Plotly.NET, Version=6.0.0.0")));
        Assert.Null(FSharpCoreResolution.Resolve(AssemblyLoadContext.Default, new AssemblyName("FSharp.Core.Extra")));
    }

    [Fact]
    public void Using_the_library_installs_the_resolver_once()
    {
        Charts.Threads(RunResultFactory.Create([], maxProcs: 1)); // first use runs the module initializer

        // The Resolving event's handlers, from the runtime's private field (.NET 10 calls it _resolving).
        var handlers = typeof(AssemblyLoadContext).GetField("_resolving", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(AssemblyLoadContext.Default) as Delegate;
        Assert.NotNull(handlers);
        Assert.Single(handlers.GetInvocationList(), h => h.Method.DeclaringType == typeof(FSharpCoreResolution));
    }
}
