#!/usr/bin/env bash
# Prompt tokens two replicas compute on the shared-prefix workload behind nginx: deploy/nginx.conf's prefix-affine
# upstream (a consistent hash of X-Agent-Name) against the same nginx balancing round-robin (its hash line removed).
# AGENTS agents each send their own ~SYSTEM_TOKENS-token system prompt and a short user message, naming themselves
# in X-Agent-Name (the load generator's --agents). Each arrangement starts fresh replicas, so no KV cache carries
# over; ROUNDS rounds alternate which goes first. The figure is each replica's localopenai_prompt_tokens_total
# (prompt tokens actually evaluated) summed: a count, not a speed, so a small model keeps a round short.
# The fleet is sized for the case affinity is for: more agents than one replica has slots, so round-robin makes each
# replica hold every agent's prefix in too few slots, while the agents hashed to a replica fit its slots (the hash
# puts 6 of the 8 default agent names on one replica and 2 on the other; 6 slots each); 4 clients leave an agent's
# slot free by the time its next request comes.
#
# Environment: MODEL (default: the small synthetic model, written on first use), AGENTS (8), SYSTEM_TOKENS (400),
# REQUESTS (64), CONCURRENCY (4), SLOTS (6 per replica), ROUNDS (3), OUT_DIR (a new folder under /tmp).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
model="${MODEL:-$HOME/.cache/localopenai/models/synthetic-small-q8_0.gguf}"
agents="${AGENTS:-8}"
system_tokens="${SYSTEM_TOKENS:-400}"
requests="${REQUESTS:-64}"
concurrency="${CONCURRENCY:-4}"
slots="${SLOTS:-6}"
rounds="${ROUNDS:-3}"
out="${OUT_DIR:-$(mktemp -d /tmp/replica-affinity.XXXXXX)}"
mkdir -p "$out"
balancer_port=18330
replica_ports=(18331 18332)
pids=()

command -v nginx >/dev/null || { echo "nginx is needed (apt-get install nginx)" >&2; exit 1; }

stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  pids=()
}
trap stop_all EXIT INT TERM

dotnet build "$repo/Server" -c Release -v q -nologo >/dev/null
dotnet build "$repo/benchmarks/LocalOpenAi.LoadGenerator" -c Release -v q -nologo >/dev/null
if [ ! -f "$model" ]; then
  dotnet run --project "$repo/Server" -c Release --no-build -- make-model --preset small --out "$model"
fi

# nginx_conf MODE: deploy/nginx.conf pointed at the local replicas; round-robin drops its hash line.
nginx_conf() {
  local conf="$out/nginx-$1.conf"
  sed -e "s|^pid .*|pid $out/nginx.pid;|" -e "s|access_log /dev/stdout;|access_log off;|" \
      -e "s|server replica-1:8080|server 127.0.0.1:${replica_ports[0]}|" -e "s|server replica-2:8080|server 127.0.0.1:${replica_ports[1]}|" \
      -e "s|listen 8080;|listen 127.0.0.1:$balancer_port;|" "$repo/deploy/nginx.conf" > "$conf"
  if [ "$1" = round-robin ]; then sed -i '/hash \$prefix_affinity consistent;/d' "$conf"; fi
  grep -q "server 127.0.0.1:${replica_ports[1]}" "$conf" || { echo "deploy/nginx.conf no longer names replica-1/replica-2:8080" >&2; exit 1; }
  echo "$conf"
}

wait_ready() {
  for _ in $(seq 1 300); do curl -sf -o /dev/null "$1" && return 0; sleep 1; done
  echo "$1 not ready after 300 s" >&2; exit 1
}

# measure MODE ROUND: fresh replicas and nginx, the workload, and the replicas' prompt tokens summed.
measure() {
  local mode="$1" round="$2"
  trap stop_all EXIT
  for i in 0 1; do
    dotnet "$repo/Server/bin/Release/net10.0/LocalOpenAi.Server.dll" --model "$model" --alias bench --parallel "$slots" \
      --ctx-size $((slots * 2048)) --threads 1 --host 127.0.0.1 --port "${replica_ports[$i]}" --Cache:Enabled=false \
      > "$out/$mode-$round-replica-$((i + 1)).log" 2>&1 &
    pids+=($!)
  done
  nginx -c "$(nginx_conf "$mode")" -g 'daemon off;' > "$out/$mode-$round-nginx.log" 2>&1 &
  pids+=($!)
  for port in "${replica_ports[@]}"; do wait_ready "http://127.0.0.1:$port/ready"; done
  wait_ready "http://127.0.0.1:$balancer_port/nginx-health"
  dotnet "$repo/benchmarks/LocalOpenAi.LoadGenerator/bin/Release/net10.0/LocalOpenAi.LoadGenerator.dll" \
    --base-url "http://127.0.0.1:$balancer_port/v1" --model bench --agents "$agents" --shared-system-prompt-tokens "$system_tokens" \
    --prompt-tokens 12 --concurrency "$concurrency" --requests "$requests" --max-tokens 4 --warmup 0 \
    --json-out "$out/$mode-$round.json" > "$out/$mode-$round-load.log" 2>&1 || { echo "$mode round $round: requests failed, see $out" >&2; exit 1; }
  local total=0
  for port in "${replica_ports[@]}"; do
    total=$((total + $(curl -s "http://127.0.0.1:$port/metrics" | awk '/^localopenai_prompt_tokens_total/ { s += $NF } END { printf "%d", s }')))
  done
  stop_all
  echo "$total"
}

ratios=()
printf '%-6s %22s %22s %8s\n' round "round-robin prompt tok" "prefix-affine prompt tok" ratio
for ((round = 1; round <= rounds; round++)); do
  if ((round % 2 == 1)); then
    spread=$(measure round-robin "$round"); affine=$(measure affine "$round")
  else
    affine=$(measure affine "$round"); spread=$(measure round-robin "$round")
  fi
  ratio=$(awk -v a="$affine" -v b="$spread" 'BEGIN { printf "%.3f", a / b }')
  ratios+=("$ratio")
  printf '%-6s %22d %22d %8s\n' "$round" "$spread" "$affine" "$ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
echo "two replicas, prompt tokens computed, prefix-affine / round-robin (median of $rounds): $median  (target: at most 0.6)"
echo "results in $out"
