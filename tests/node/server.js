// Starts a real LocalOpenAi server (the Release build that ./test.sh makes) on a free loopback port.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const serverDll = path.join(root, "Server/bin/Release/net10.0/LocalOpenAi.Server.dll");

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export async function startServer() {
  const port = await freePort();
  const child = spawn("dotnet", [serverDll, "--model", "synthetic:tiny", "--alias", "tiny", "--port", String(port),
    "--parallel", "2", "--threads", "2", "--Logging:LogLevel:Default=Warning"], { stdio: ["ignore", "inherit", "inherit"] });
  const baseURL = `http://127.0.0.1:${port}/v1`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ready`)).ok) {
        return { baseURL, origin: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error("LocalOpenAi did not become ready within 60 s");
}
