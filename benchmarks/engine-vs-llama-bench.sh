#!/usr/bin/env bash
# Single-stream prompt and decode tokens/s of our engine beside llama-bench, on the 1b q4_0 synthetic
# model (Llama-3.2-1B shape) with 2 threads. Usage: benchmarks/engine-vs-llama-bench.sh [repetitions]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(benchmarks/build-llama-cpp-peer.sh)
model="$HOME/.cache/localopenai/models/synthetic-1b-q4_0.gguf"
dotnet build benchmarks/LocalOpenAi.Benchmarks -c Release --nologo -v quiet -clp:ErrorsOnly
[ -f "$model" ] || dotnet run --project Server -c Release -- make-model --preset 1b --quant q4_0 --out "$model"
dotnet benchmarks/LocalOpenAi.Benchmarks/bin/Release/net10.0/LocalOpenAi.Benchmarks.dll \
  -m "$model" --llama-bench "$bin/llama-bench" -t 2 -p 512 -n 128 -r "${1:-3}"
