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
#   structured  1 client, each schema of structured-output-schemas.json through response_format json_schema with
#           STRUCTURED_MAX_TOKENS, STRUCTURED_REQUESTS requests per schema: end-to-end latency and completion tokens
#           (ours with jump-forward decoding, its default; LOCALOPENAI__INFERENCE__JUMPFORWARD=false turns it off)
#   replicas    ours only: prompt tokens two replicas compute behind nginx, prefix-affine against round-robin
#           (benchmarks/replica-affinity.sh, needs nginx)
# About 4 minutes a round on 2 cores with the 1B q4_0 synthetic model. Every level is bounded by DEADLINE seconds.
#
# Environment: LLAMA_SERVER (default: the peer build of build-llama-cpp-peer.sh), MODEL, THREADS (2),
# SLOTS (8), SLOT_CTX (2048), MAX_TOKENS (32), ROUNDS (3), WARMUP (40), DEADLINE (150), REQUESTS (32 a level of the
# short-prompt workload; inter-token latency p99 over 32 requests is about 1,000 intervals, 128 steadies it),
# STRUCTURED_MAX_TOKENS (256), STRUCTURED_REQUESTS (8), OUT_DIR (a new folder under /tmp).
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
requests="${REQUESTS:-32}"
deadline="${DEADLINE:-150}"
structured_max_tokens="${STRUCTURED_MAX_TOKENS:-256}"
structured_requests="${STRUCTURED_REQUESTS:-8}"
schemas="$repo/benchmarks/structured-output-schemas.json"
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

if ! command -v jq >/dev/null; then
  echo "jq is needed for the structured-output rows (apt-get install jq)" >&2
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
  dotnet "$generator" "${common[@]}" --concurrency 8,16 --requests "$requests" --warmup 0 --first-request 1000 --json-out "$results/2-short.json" || true
  echo "== $name: shared 1,000-token system prompt, 16 clients"
  dotnet "$generator" "${common[@]}" --shared-system-prompt-tokens 1000 --prompt-tokens 12 --concurrency 16 --requests 32 \
    --warmup 0 --first-request 2000 --json-out "$results/3-shared.json" || true
}

# run_structured NAME PORT FOLDER ROUND: every schema through response_format json_schema, one request at a time;
# FOLDER/structured.tsv gets a line per request: schema, end-to-end seconds, completion tokens. no-cache and a
# prompt of its own per request keep our response cache out of it.
run_structured() {
  local name="$1" url="http://127.0.0.1:$2/v1/chat/completions" results="$3/structured.tsv" round="$4"
  echo "== $name: structured output, $structured_requests requests per schema, max_tokens $structured_max_tokens"
  : >"$results"
  for schema in $(jq -r 'keys_unsorted[]' "$schemas"); do
    for i in $(seq 1 "$structured_requests"); do
      jq -n --arg model "$alias_name" --arg name "$schema" --argjson schema "$(jq -c --arg k "$schema" '.[$k]' "$schemas")" \
        --argjson max "$structured_max_tokens" --argjson seed "$i" --arg prompt "Round $round, request $i: answer in JSON ($schema)." \
        '{model: $model, messages: [{role: "user", content: $prompt}], max_tokens: $max, seed: $seed, temperature: 0.8,
          response_format: {type: "json_schema", json_schema: {name: $name, strict: true, schema: $schema}}}' >"$out/structured-body.json"
      local seconds
      seconds="$(curl -s -o "$out/structured-answer.json" -w '%{time_total}' --max-time "$deadline" -H 'Content-Type: application/json' \
        -H 'Cache-Control: no-cache' -d @"$out/structured-body.json" "$url" || echo nan)"
      printf '%s\t%s\t%s\n' "$schema" "$seconds" "$(jq -r '.usage.completion_tokens // "nan"' "$out/structured-answer.json" 2>/dev/null || echo nan)" >>"$results"
    done
  done
}

# median: the middle of the numbers on stdin (nan when none).
median() {
  grep -v nan | sort -g | awk '{ v[NR] = $1 } END { print (NR ? v[int((NR + 1) / 2)] : "nan") }'
}

# structured_rows: per schema, the median over rounds of each round's median latency, and the mean completion tokens.
structured_rows() {
  echo
  printf '%-22s %16s %12s %8s %14s %12s\n' "structured output" "llama-server ms" "ours ms" "ratio" "llama tokens" "our tokens"
  for schema in $(jq -r 'keys_unsorted[]' "$schemas"); do
    local row=()
    for name in llama-server ours; do
      row+=("$(for file in "$out/$name"/round-*/structured.tsv; do awk -v s="$schema" '$1 == s { print $2 * 1000 }' "$file" | median; done | median)")
    done
    for name in llama-server ours; do
      row+=("$(cat "$out/$name"/round-*/structured.tsv | awk -v s="$schema" '$1 == s && $3 != "nan" { n++; t += $3 } END { print (n ? t / n : "nan") }')")
    done
    printf '%-22s %16.1f %12.1f %8s %14.1f %12.1f\n' "$schema" "${row[0]}" "${row[1]}" \
      "$(awk -v a="${row[1]}" -v b="${row[0]}" 'BEGIN { print (b > 0 ? sprintf("%.3f", a / b) : "nan") }')" "${row[2]}" "${row[3]}"
  done
}

# measure NAME ROUND: starts the named server, runs the workloads into $out/NAME/round-ROUND, stops it.
measure() {
  local name="$1" round="$2"
  if [ "$name" = llama-server ]; then
    start_server llama-server "http://127.0.0.1:$llama_port/health" \
      "$llama_server" -m "$model" -a "$alias_name" -t "$threads" -np "$slots" -c "$ctx" --host 127.0.0.1 --port "$llama_port"
    run_workloads llama-server "$llama_port" "$out/llama-server/round-$round"
    run_structured llama-server "$llama_port" "$out/llama-server/round-$round" "$round"
  else
    start_server ours "http://127.0.0.1:$ours_port/ready" \
      dotnet "$repo/Server/bin/Release/net10.0/LocalOpenAi.Server.dll" --model "$model" --parallel "$slots" \
      --ctx-size "$ctx" --threads "$threads" --host 127.0.0.1 --port "$ours_port"
    run_workloads ours "$ours_port" "$out/ours/round-$round"
    run_structured ours "$ours_port" "$out/ours/round-$round" "$round"
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
structured_rows | tee -a "$out/comparison.txt"
echo
if command -v nginx >/dev/null; then
  ROUNDS="$rounds" OUT_DIR="$out/replicas" bash "$repo/benchmarks/replica-affinity.sh" | tee -a "$out/comparison.txt"
else
  echo "two-replica prompt tokens: skipped (nginx is not installed; apt-get install nginx)" | tee -a "$out/comparison.txt"
fi
