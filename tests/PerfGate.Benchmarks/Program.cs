using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/PerfGate.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(PerfGate.Benchmarks.DecodeBenchmarks).Assembly).Run(args);
