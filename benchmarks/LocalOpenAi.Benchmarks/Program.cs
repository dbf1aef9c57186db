using LocalOpenAi.Benchmarks;

return await EngineBenchmark.RunAsync(args);
