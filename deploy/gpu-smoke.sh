#!/usr/bin/env bash
# GPU smoke test without Docker: builds the server with llama.cpp's CUDA backend, writes the
# synthetic Llama-3.2-1B-shaped q4_0 model, serves it with every layer on the GPU, checks /ready and
# measures decode speed from streamed responses (ignore_eos, so every request decodes the full length).
#
#   deploy/gpu-smoke.sh                       # on a machine with an NVIDIA GPU, the .NET 10 SDK and npm
#
# Settings (environment):
#   APP_DIR=DIR        an existing `dotnet publish` folder to run instead of building one
#   LOCALOPENAI_NATIVE_DIR=DIR   llama.cpp libraries to load instead of the published native/ folder
#   VARIANT=linux-x64-cuda       the @node-llama-cpp package the build fetches
#   GPU_LAYERS=-1      layers to offload (0 with VARIANT=linux-x64 gives a CPU baseline)
#   PRESET=1b QUANT=q4_0  the synthetic model; REQUESTS=3 TOKENS=128 PARALLEL=4 PORT=18090
# Needs bash 5 (EPOCHREALTIME), curl and dotnet. Exits non-zero when any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

VARIANT=${VARIANT:-linux-x64-cuda}
GPU_LAYERS=${GPU_LAYERS:--1}
PRESET=${PRESET:-1b}
QUANT=${QUANT:-q4_0}
REQUESTS=${REQUESTS:-3}
TOKENS=${TOKENS:-128}
PARALLEL=${PARALLEL:-4}
PORT=${PORT:-18090}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/localopenai-gpu-smoke.XXXXXX")
BASE="http://127.0.0.1:${PORT}"
SERVER_PID=
echo "gpu-smoke: work folder $WORK (server.log, the model, the build)"

fail() { echo "gpu-smoke: FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

[ -n "${EPOCHREALTIME:-}" ] || fail "bash 5 or later is needed (EPOCHREALTIME)"
command -v curl >/dev/null || fail "curl is not installed"
command -v dotnet >/dev/null || fail "dotnet is not installed"

step "GPU"
if command -v nvidia-smi >/dev/null; then
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
elif [ "$GPU_LAYERS" != "0" ]; then
  echo "warning: nvidia-smi not found; the CUDA backend may not load"
fi

if [ -z "${APP_DIR:-}" ]; then
  APP_DIR="$WORK/app"
  step "build (-p:LlamaNativeVariant=${VARIANT})"
  command -v npm >/dev/null || fail "npm is needed to fetch @node-llama-cpp/${VARIANT}"
  dotnet publish Server/LocalOpenAi.Server.csproj -c Release -o "$APP_DIR" --nologo -v quiet \
    -p:UseAppHost=false "-p:LlamaNativeVariant=${VARIANT}" || fail "dotnet publish failed"
fi
SERVER_DLL="$APP_DIR/LocalOpenAi.Server.dll"
[ -f "$SERVER_DLL" ] || fail "no LocalOpenAi.Server.dll in $APP_DIR"
if [ -z "${LOCALOPENAI_NATIVE_DIR:-}" ] && [[ "$VARIANT" == *cuda* ]]; then
  compgen -G "$APP_DIR/native/*cuda*" >/dev/null || fail "$APP_DIR/native holds no CUDA backend (libggml-cuda)"
fi

step "model (synthetic ${PRESET} ${QUANT})"
MODEL="$WORK/synthetic-${PRESET}-${QUANT}.gguf"
dotnet "$SERVER_DLL" make-model --preset "$PRESET" --quant "$QUANT" --out "$MODEL" || fail "make-model failed"

step "server (--gpu-layers ${GPU_LAYERS}, --parallel ${PARALLEL}) on ${BASE}"
dotnet "$SERVER_DLL" --model "$MODEL" --alias smoke --host 127.0.0.1 --port "$PORT" \
  --gpu-layers "$GPU_LAYERS" --parallel "$PARALLEL" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
ready=
for _ in $(seq 1 240); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    tail -n 40 "$WORK/server.log" >&2
    fail "the server exited during start-up"
  fi
  if curl -fsS "$BASE/ready" >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.5
done
[ -n "$ready" ] || { curl -sS "$BASE/ready" >&2 || true; tail -n 40 "$WORK/server.log" >&2; fail "/ready did not turn 200 within 120 s"; }
curl -fsS "$BASE/health" >/dev/null || fail "/health is not 200"
echo "ready"
grep -iE "cuda|offload|gpu" "$WORK/server.log" | head -n 10 || true
if [ "$GPU_LAYERS" != "0" ] && grep -q "so models run on the CPU" "$WORK/server.log"; then
  fail "the GPU backend did not start (see its warning above)"
fi

# stream_one OUT: one streamed chat completion of TOKENS tokens; writes
# "completion_tokens ttft_seconds decode_seconds" to OUT.
stream_one() {
  local out=$1 body start first="" last="" tokens=0 line
  body=$(printf '{"model":"smoke","stream":true,"stream_options":{"include_usage":true},"ignore_eos":true,"max_tokens":%d,"temperature":1.0,"messages":[{"role":"user","content":"Write a long story about a lighthouse keeper."}]}' "$TOKENS")
  start=$EPOCHREALTIME
  while IFS= read -r line; do
    case "$line" in
      data:*'"usage":{'*)
        tokens=$(grep -o '"completion_tokens":[0-9]*' <<<"$line" | grep -o '[0-9]*$' || echo 0) ;;
      data:*'"content":""'*) ;;
      data:*'"content":'*)
        [ -n "$first" ] || first=$EPOCHREALTIME
        last=$EPOCHREALTIME ;;
    esac
  done < <(curl -sS -N "$BASE/v1/chat/completions" -H 'Content-Type: application/json' \
             -H 'Cache-Control: no-cache' -d "$body")
  [ -n "$first" ] || { echo "0 0 0" >"$out"; return 1; }
  awk -v n="$tokens" -v s="$start" -v f="$first" -v l="$last" \
    'BEGIN { printf "%d %.4f %.4f\n", n, f - s, l - f }' >"$out"
}

step "warm-up"
stream_one "$WORK/warmup" || fail "the warm-up request returned no tokens"

step "${REQUESTS} sequential requests of ${TOKENS} tokens"
for i in $(seq 1 "$REQUESTS"); do
  stream_one "$WORK/seq$i" || fail "request $i returned no tokens"
  read -r n ttft decode <"$WORK/seq$i"
  [ "$n" -eq "$TOKENS" ] || fail "request $i: completion_tokens $n, expected $TOKENS (ignore_eos)"
  awk -v i="$i" -v n="$n" -v t="$ttft" -v d="$decode" \
    'BEGIN { printf "request %d: %d tokens, ttft %.1f ms, decode %.1f tokens/s\n", i, n, t * 1000, (d > 0 ? (n - 1) / d : 0) }'
done
cat "$WORK"/seq* | awk '{ n += $1 - 1; d += $3 } END { printf "single-stream decode: %.1f tokens/s (mean over %d requests)\n", (d > 0 ? n / d : 0), NR }'

step "${REQUESTS} concurrent requests of ${TOKENS} tokens"
wall_start=$EPOCHREALTIME
pids=()
for i in $(seq 1 "$REQUESTS"); do
  stream_one "$WORK/par$i" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || fail "a concurrent request returned no tokens"; done
wall_end=$EPOCHREALTIME
cat "$WORK"/par* | awk -v w="$(awk -v a="$wall_start" -v b="$wall_end" 'BEGIN { print b - a }')" \
  '{ n += $1 } END { printf "aggregate: %d tokens in %.2f s = %.1f tokens/s over %d streams\n", n, w, n / w, NR }'

if command -v nvidia-smi >/dev/null; then
  nvidia-smi --query-compute-apps=pid,used_memory --format=csv,noheader | grep -w "$SERVER_PID" \
    || echo "warning: the server process holds no GPU memory (did the CUDA backend load?)"
fi
curl -fsS "$BASE/metrics" | grep -E '^localopenai_(completion_tokens_total|slots_busy|kv_cache_usage_ratio)' || true
echo "gpu-smoke: PASS"
