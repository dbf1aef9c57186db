#!/usr/bin/env bash
# A plain stream's inter-token latency beside a pathological constrained request, against the same stream
# alone (issue #16's target: p99 beside it at most 2x alone). The pathological request is the most ambiguous
# raw grammar the server accepts: overlapping alternatives nested LEVELS deep (2^LEVELS parse paths, at the
# GbnfLimits.MaxParsePaths bound of 128 by default), sent again and again by one client while another
# client streams plain answers. The server runs with 2 slots, so both are decoded in the same steps.
# ROUNDS rounds alternate which measurement goes first; the table gives each round and the median ratio.
#
# Environment: MODEL (default: the 1B q4_0 synthetic model, written on first use), THREADS (2), LEVELS (7),
# MAX_TOKENS (48), REQUESTS (6 plain streams per measurement), ROUNDS (3), OUT_DIR (a new folder under /tmp).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
model="${MODEL:-$HOME/.cache/localopenai/models/synthetic-1b-q4_0.gguf}"
threads="${THREADS:-2}"
levels="${LEVELS:-7}"
max_tokens="${MAX_TOKENS:-48}"
requests="${REQUESTS:-6}"
rounds="${ROUNDS:-3}"
out="${OUT_DIR:-$(mktemp -d /tmp/constrained-neighbour.XXXXXX)}"
mkdir -p "$out"
port=18311
base="http://127.0.0.1:$port"
server_pid=""
hostile_pid=""

stop() {
  for pid in "$hostile_pid" "$server_pid"; do
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  hostile_pid=""
  server_pid=""
}
trap stop EXIT INT TERM

dotnet build "$repo/Server" -c Release -v q -nologo >/dev/null
dotnet build "$repo/benchmarks/LocalOpenAi.LoadGenerator" -c Release -v q -nologo >/dev/null
if [ ! -f "$model" ]; then
  dotnet run --project "$repo/Server" -c Release --no-build -- make-model --preset 1b --quant q4_0 --out "$model"
fi

grammar="root ::= a0"
for ((i = 0; i < levels; i++)); do grammar+=$'\n'"a$i ::= a$((i + 1)) \"y\" | a$((i + 1)) \"y\""; done
grammar+=$'\n'"a$levels ::= \"x\""
hostile_body="$out/hostile.json"
jq -n --arg grammar "$grammar" --argjson n "$max_tokens" \
  '{model: "bench", messages: [{role: "user", content: "x"}], grammar: $grammar, max_tokens: $n}' > "$hostile_body"

dotnet "$repo/Server/bin/Release/net10.0/LocalOpenAi.Server.dll" --model "$model" --alias bench --parallel 2 \
  --threads "$threads" --host 127.0.0.1 --port "$port" --Cache:Enabled=false > "$out/server.log" 2>&1 &
server_pid=$!
until curl -sf "$base/ready" >/dev/null; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$out/server.log" >&2; exit 1; }
  sleep 0.5
done
status=$(curl -s -o "$out/hostile-reply.json" -w '%{http_code}' "$base/v1/chat/completions" -H 'Content-Type: application/json' -d @"$hostile_body")
[ "$status" = 200 ] || { echo "the pathological request was refused ($status): $(cat "$out/hostile-reply.json")" >&2; exit 1; }

first=0
plain_streams() {
  dotnet "$repo/benchmarks/LocalOpenAi.LoadGenerator/bin/Release/net10.0/LocalOpenAi.LoadGenerator.dll" \
    --base-url "$base/v1" --model bench --requests "$requests" --concurrency 1 --max-tokens "$max_tokens" \
    --ignore-eos --warmup 1 --first-request "$first" --json-out "$1" >/dev/null
  first=$((first + requests + 1))
  jq '.levels[0].inter_token_ms.p99' "$1"
}

hostile_loop() {
  while true; do curl -s -o /dev/null "$base/v1/chat/completions" -H 'Content-Type: application/json' -d @"$hostile_body"; done
}

measure_beside() {
  hostile_loop &
  hostile_pid=$!
  local p99
  p99=$(plain_streams "$1")
  kill "$hostile_pid" 2>/dev/null || true
  wait "$hostile_pid" 2>/dev/null || true
  hostile_pid=""
  echo "$p99"
}

ratios=()
printf '%-6s %14s %14s %8s\n' round "alone p99 ms" "beside p99 ms" ratio
for ((round = 1; round <= rounds; round++)); do
  if ((round % 2 == 1)); then
    alone=$(plain_streams "$out/alone-$round.json"); beside=$(measure_beside "$out/beside-$round.json")
  else
    beside=$(measure_beside "$out/beside-$round.json"); alone=$(plain_streams "$out/alone-$round.json")
  fi
  ratio=$(jq -n "$beside / $alone")
  ratios+=("$ratio")
  printf '%-6s %14.1f %14.1f %8.2f\n' "$round" "$alone" "$beside" "$ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{v[NR]=$1} END {print v[int((NR + 1) / 2)]}')
printf 'median ratio (beside / alone, ITL p99, %s parse paths): %.2f  (target: at most 2)\n' "$((1 << levels))" "$median"
echo "results in $out"
