#!/usr/bin/env bash
# Serving throughput and latency of our server beside llama-server, through the same OpenAI-compatible
# streaming load (benchmarks/LocalOpenAi.LoadGenerator), then a side-by-side table with ratios ours / llama-server.
#
# The two servers run ONE AT A TIME (never both loaded: on a small machine they would fight for cores),
# with the same model, slots, context and threads, in ROUNDS rounds that alternate which goes first, so a
# noisy neighbour or a slow spell hits both alike; the table gives each figure's median over the rounds.
# After each start, WARMUP unmeasured requests (one client) bring either server to its steady state: ours
# runs on .NET, whose JIT recompiles hot code for about half a minute of traffic.
# Workloads, each with ignore_eos so every request generates exactly MAX_TOKENS:
#   single  1 client, short prompts
#   short   8 then 16 clients, short prompts, 8 slots
#   shared  16 clients, 8 slots, one ~1,000-token system prompt shared by every request + a short user message
# About 4 minutes a round on 2 cores with the 1B q4_0 synthetic model. Every level is bounded by DEADLINE seconds.
#
# Environment: LLAMA_SERVER (default: the peer build of build-llama-cpp-peer.sh), MODEL, THREADS (2),
# SLOTS (8), SLOT_CTX (2048), MAX_TOKENS (32), ROUNDS (3), WARMUP (40), DEADLINE (150),
# OUT_DIR (a new folder under /tmp).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
model="${MODEL:-$HOME/.cache/localopenai/models/synthetic-1b-q4_0.gguf}"
llama_server="${LLAMA_SERVER:-${LOCALOPENAI_PEER_DIR:-$HOME/.cache/localopenai/llama.cpp-peer}/build/bin/llama-server}"
threads="${THREADS:-2}"
slots="${SLOTS:-8}"
ctx=$((slots * ${SLOT_CTX:-2048}))
max_tokens="${MAX_TOKENS:-32}"
rounds="${ROUNDS:-3}"
warmup="${WARMUP:-40}"
deadline="${DEADLINE:-150}"
out="${OUT_DIR:-$(mktemp -d /tmp/serving-vs-llama-server.XXXXXX)}"
mkdir -p "$out"
alias_name="$(basename "$model" .gguf)"
llama_port=18301
ours_port=18302
server_pid=""

if [ ! -x "$llama_server" ]; then
  echo "llama-server not found at $llama_server: run benchmarks/build-llama-cpp-peer.sh or set LLAMA_SERVER" >&2
  exit 1
fi

stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
trap stop_server EXIT INT TERM

# start_server NAME READY_URL COMMAND...: starts it in the background and waits until READY_URL answers 200.
start_server() {
  local name="$1" ready_url="$2"
  shift 2
  "$@" >>"$out/$name.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    if curl -sf -o /dev/null "$ready_url"; then
      return 0
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "$name exited during start-up; see $out/$name.log" >&2
      tail -20 "$out/$name.log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "$name not ready after 300 s; see $out/$name.log" >&2
  exit 1
}

generator="$repo/benchmarks/LocalOpenAi.LoadGenerator/bin/Release/net10.0/LocalOpenAi.LoadGenerator.dll"

# run_workloads NAME PORT FOLDER: the three workloads against the server listening on PORT, results in FOLDER.
run_workloads() {
  local name="$1" base="http://127.0.0.1:$2/v1" results="$3"
  mkdir -p "$results"
  # Every request of a server's run has its own number, so its own prompt and seed: a repeat would be
  # answered by our response cache, which measures the cache, not the serving.
  local common=(--base-url "$base" --model "$alias_name" --max-tokens "$max_tokens" --ignore-eos
    --temperature 0.8 --timeout "$deadline" --deadline "$deadline")
  echo "== $name: single stream (after $warmup warm-up requests)"
  dotnet "$generator" "${common[@]}" --concurrency 1 --requests 16 --warmup "$warmup" --json-out "$results/1-single.json" || true
  echo "== $name: short prompts, 8 and 16 clients"
  dotnet "$generator" "${common[@]}" --concurrency 8,16 --requests 32 --warmup 0 --first-request 1000 --json-out "$results/2-short.json" || true
  echo "== $name: shared 1,000-token system prompt, 16 clients"
  dotnet "$generator" "${common[@]}" --shared-system-prompt-tokens 1000 --prompt-tokens 12 --concurrency 16 --requests 32 \
    --warmup 0 --first-request 2000 --json-out "$results/3-shared.json" || true
}

# measure NAME ROUND: starts the named server, runs the workloads into $out/NAME/round-ROUND, stops it.
measure() {
  local name="$1" round="$2"
  if [ "$name" = llama-server ]; then
    start_server llama-server "http://127.0.0.1:$llama_port/health" \
      "$llama_server" -m "$model" -a "$alias_name" -t "$threads" -np "$slots" -c "$ctx" --host 127.0.0.1 --port "$llama_port"
    run_workloads llama-server "$llama_port" "$out/llama-server/round-$round"
  else
    start_server ours "http://127.0.0.1:$ours_port/ready" \
      dotnet "$repo/Server/bin/Release/net10.0/LocalOpenAi.Server.dll" --model "$model" --parallel "$slots" \
      --ctx-size "$ctx" --threads "$threads" --host 127.0.0.1 --port "$ours_port"
    run_workloads ours "$ours_port" "$out/ours/round-$round"
  fi
  stop_server
}

echo "building (Release): server and load generator"
dotnet build "$repo/Server" -c Release -v q -nologo >/dev/null
dotnet build "$repo/benchmarks/LocalOpenAi.LoadGenerator" -c Release -v q -nologo >/dev/null
if [ ! -f "$model" ]; then
  echo "making the synthetic model $model"
  dotnet run --project "$repo/Server" -c Release --no-build -- make-model --preset 1b --quant q4_0 --out "$model"
fi

echo "results in $out; model $model; $slots slots, ctx $ctx, $threads threads, max_tokens $max_tokens, $rounds rounds"
for round in $(seq 1 "$rounds"); do
  echo "=== round $round of $rounds"
  if [ $((round % 2)) -eq 1 ]; then
    measure llama-server "$round"
    measure ours "$round"
  else
    measure ours "$round"
    measure llama-server "$round"
  fi
done

echo
dotnet "$generator" compare "$out/llama-server" "$out/ours" --baseline-name llama-server --candidate-name ours | tee "$out/comparison.txt"
