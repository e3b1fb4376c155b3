// Provider start-up: spawn to plugin handshake line, against a bare `node -e 0` floor measured in
// the same run. terraform starts the provider 2-5 times per command, so this is the fixed cost.
//   node bench/provider-startup.mjs [runs]        (default 15; results appended to bench/RESULTS.md)
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 15);
const work = mkdtempSync(path.join(tmpdir(), "flinkform-bench-"));

const bundle = async (entry, out) => {
  await build({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(work, out),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
  });
  return path.join(work, out);
};

// The client cert terraform would pass; any valid certificate works as the trusted root here.
const mtls = createRequire(import.meta.url)(await bundle("provider/protocol/auto-mtls.ts", "auto-mtls.cjs"));
const clientCert = mtls.createServerCertificate().certPem;
const env = {
  PATH: process.env.PATH,
  TF_PLUGIN_MAGIC_COOKIE: "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2",
  PLUGIN_PROTOCOL_VERSIONS: "5,6",
  PLUGIN_CLIENT_CERT: clientCert,
};

function timeToHandshake(file) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [file], { env });
    let ms;
    child.stdout.once("data", () => {
      ms = Number(process.hrtime.bigint() - started) / 1e6;
      child.kill("SIGTERM");
    });
    child.once("exit", (code) =>
      ms === undefined ? reject(new Error(`${file} exited ${code} before the handshake`)) : resolve(ms),
    );
  });
}

function timeToExit(args) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    spawn(process.execPath, args).once("exit", () =>
      resolve(Number(process.hrtime.bigint() - started) / 1e6),
    );
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure(fn) {
  await fn(); // warm the file cache
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await fn());
  return median(samples);
}

const targets = [
  [
    "echo fixture (protocol layer only)",
    await bundle("test/provider/protocol/fixtures/echo-provider.ts", "echo.cjs"),
  ],
];
const real = path.join(root, "dist", "terraform-provider-flink.cjs");
if (existsSync(real)) targets.push(["dist/terraform-provider-flink.cjs", real]);

const floor = await measure(() => timeToExit(["-e", "0"]));
const rows = [];
for (const [name, file] of targets) {
  const ms = await measure(() => timeToHandshake(file));
  rows.push(`| ${name} | ${ms.toFixed(1)} ms | ${floor.toFixed(1)} ms | ${(ms / floor).toFixed(2)}x |`);
}

const header = `\n## provider start-up (${new Date().toISOString()}, node ${process.version}, ${runs} runs, medians)\n\n| provider | spawn → handshake | bare \`node -e 0\` | ratio |\n|---|---|---|---|\n`;
const text = header + rows.join("\n") + "\n";
process.stdout.write(text);
const results = path.join(root, "bench", "RESULTS.md");
if (!existsSync(results)) {
  writeFileSync(
    results,
    "# flinkform benchmarks\n\nEach entry is a ratio against a floor measured in the same run on the same machine.\n",
  );
}
appendFileSync(results, text);
