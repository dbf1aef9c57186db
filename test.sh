#!/usr/bin/env bash
# Runs every test of LocalOpenAi: the .NET suite (unit and integration, against real llama.cpp,
# Redis and Prometheus where installed) and the Node.js client tests. Prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

results=$(mktemp -d)
status=0

dotnet build LocalOpenAi.sln -c Release --nologo -v quiet -clp:ErrorsOnly || exit 1
dotnet_log="$results/dotnet.log"
dotnet test tests/LocalOpenAi.Tests/LocalOpenAi.Tests.csproj -c Release --no-build --nologo \
  --blame-hang-timeout 5m --logger "trx;LogFileName=$results/dotnet.trx" --logger "console;verbosity=normal" \
  2>&1 | tee "$dotnet_log" || status=1

passed=0
failed=0
trx_counter() { grep -o "$1=\"[0-9]*\"" "$2" | head -n 1 | grep -o '[0-9]*'; }
if [ -f "$results/dotnet.trx" ]; then
  passed=$(trx_counter passed "$results/dotnet.trx")
  failed=$(trx_counter failed "$results/dotnet.trx")
else
  status=1
fi

if [ -f tests/node/package.json ]; then
  if [ ! -d tests/node/node_modules ]; then
    (cd tests/node && npm ci --no-audit --no-fund --silent) || status=1
  fi
  node_log="$results/node.log"
  (cd tests/node && npm test 2>&1) | tee "$node_log" || status=1
  node_passed=$(grep -E '^# pass ' "$node_log" | grep -o '[0-9]*' || echo 0)
  node_failed=$(grep -E '^# fail ' "$node_log" | grep -o '[0-9]*' || echo 0)
  passed=$((passed + ${node_passed:-0}))
  failed=$((failed + ${node_failed:-0}))
fi

# The console log is long; repeat each failure (name, message, stack) where the tail of the output shows it.
if [ "${failed:-0}" != "0" ]; then
  echo "failures:"
  awk '/^  Failed /{show=1} /^  Passed /{show=0} /^\[xUnit|^Results File|^Test Run/{show=0} show' "$dotnet_log" | head -n 200
  grep -E '^not ok ' "$results/node.log" 2>/dev/null
fi

echo "${passed:-0} passed, ${failed:-0} failed"
exit $status
