// Runs use real threads that spin; on a 2-core machine, tests running side by side would starve each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
