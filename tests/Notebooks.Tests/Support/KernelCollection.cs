namespace Notebooks.Tests.Support;

/// <summary>
/// Tests that start real kernels or browsers run one after another: each kernel is a .NET process of
/// its own, and the CI machine has two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KernelCollection : ICollectionFixture<ExportedSite>, ICollectionFixture<LessonRuns>
{
    public const string Name = "real kernel";
}
