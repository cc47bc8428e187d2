// The notebook Formatter and the first-figure-inlines-plotly.js flag are process-wide: run tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
