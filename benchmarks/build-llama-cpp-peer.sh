#!/usr/bin/env bash
# Builds llama.cpp's llama-bench and llama-server from the exact source our native libraries come from
# (node-llama-cpp@3.22.1's llama/gitRelease.bundle) into ~/.cache/localopenai/llama.cpp-peer, and gives
# them the npm package's CPU variant libraries so both sides of a comparison run the same kernels.
# Prints the bin folder. Takes about 10 minutes on 2 cores the first time.
set -euo pipefail
version=3.22.1
root="${LOCALOPENAI_PEER_DIR:-$HOME/.cache/localopenai/llama.cpp-peer}"
bin="$root/build/bin"
if [ ! -x "$bin/llama-bench" ] || [ ! -x "$bin/llama-server" ]; then
  mkdir -p "$root/npm"
  (cd "$root/npm" && npm pack "node-llama-cpp@$version" --silent >/dev/null && tar xzf "node-llama-cpp-$version.tgz")
  rm -rf "$root/src" && git clone -q "$root/npm/package/llama/gitRelease.bundle" "$root/src"
  # -march=native with OpenMP crashes here (SIGILL in the AMX path): build portable, load variants at run time.
  cmake -S "$root/src" -B "$root/build" -DCMAKE_BUILD_TYPE=Release -DGGML_BACKEND_DL=ON -DGGML_NATIVE=OFF \
    -DGGML_OPENMP=OFF -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_BUILD_TESTS=OFF >/dev/null
  cmake --build "$root/build" -j"$(nproc)" --target llama-bench llama-server >/dev/null
fi
variants="$(dirname "$0")/../Engine/bin/Release/net10.0/native"
[ -d "$variants" ] || variants="$HOME/.cache/localopenai/native/linux-x64-$version/package/bins/linux-x64"
rm -f "$bin/libggml-cpu.so"
cp "$variants"/libggml-cpu-*.so "$bin/"
echo "$bin"
