using LocalOpenAi.Benchmarks;

return args is ["structured", .. var rest]
    ? await StructuredOutputBenchmark.RunAsync(rest)
    : await EngineBenchmark.RunAsync(args);
