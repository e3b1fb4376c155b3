// Flink SQL validation speed: warm throughput on a realistic mix, and the first validation in a fresh
// process (module load + parser bundle load + ANTLR DFA warm-up). Medians; appends to bench/RESULTS.md.
// Run: npx tsx bench/sql-validate.mjs [--no-write]
import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const url = (p) => pathToFileURL(path.join(root, p)).href;

if (process.argv[2] === "--first") {
  const t0 = performance.now();
  const { validateApplicationVersion } = await import(url("schemas/sql/index.ts"));
  const { clickstream } = await import(url("test/schemas/sql/clickstream.ts"));
  const t1 = performance.now();
  const diags = validateApplicationVersion(clickstream());
  const t2 = performance.now();
  process.stdout.write(
    JSON.stringify({ load: t1 - t0, first: t2 - t1, total: t2 - t0, diags: diags.length }),
  );
  process.exit(0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const { validateApplicationVersion } = await import(url("schemas/sql/index.ts"));
const { clickstream, CLICKS, PAGE_VIEWS } = await import(url("test/schemas/sql/clickstream.ts"));
const { VALID, FALSE_POSITIVES } = await import(url("test/schemas/sql/regression-statements.ts"));

// The mix: the clickstream version (3 texts) plus the §3.4 statements, each validated as a statement.
const versions = [
  clickstream(),
  ...Object.values({ ...VALID, ...FALSE_POSITIVES }).map((statement) => ({
    statement,
    sources: [{ create_table: CLICKS }],
    sinks: [{ create_table: PAGE_VIEWS }],
  })),
];
const textsPerRound = versions.reduce((n, v) => n + 1 + v.sources.length + v.sinks.length, 0);
for (let i = 0; i < 3; i++) for (const v of versions) validateApplicationVersion(v); // warm the DFA cache

// A trailing comment makes every text new, so the per-text result cache never answers.
let serial = 0;
const fresh = (v) => {
  const tag = `\n-- ${serial++}`;
  const table = (t) => ({ ...t, create_table: t.create_table + tag });
  return { statement: v.statement + tag, sources: v.sources.map(table), sinks: v.sinks.map(table) };
};
function throughput(prepare) {
  const rates = [];
  for (let run = 0; run < 7; run++) {
    const t0 = performance.now();
    let texts = 0;
    while (performance.now() - t0 < 700) {
      for (const v of versions) validateApplicationVersion(prepare(v));
      texts += textsPerRound;
    }
    rates.push(texts / ((performance.now() - t0) / 1000));
  }
  return median(rates);
}
const warm = throughput(fresh);
// Floor: dt-sql-parser alone parsing the same texts (what any validator built on it pays).
const { loadFlinkSqlParser } = await import(url("schemas/sql/loader.ts"));
const { parser } = loadFlinkSqlParser();
const allTexts = versions.flatMap((v) => [
  v.statement,
  ...v.sources.map((t) => t.create_table),
  ...v.sinks.map((t) => t.create_table),
]);
const floorRates = [];
for (let run = 0; run < 7; run++) {
  const t0 = performance.now();
  let texts = 0;
  while (performance.now() - t0 < 700) {
    for (const text of allTexts) parser.parse(`${text}\n-- ${serial++}`, () => {});
    texts += allTexts.length;
  }
  floorRates.push(texts / ((performance.now() - t0) / 1000));
}
const floor = median(floorRates);
const cached = throughput((v) => v);
const clickOnly = [];
for (let run = 0; run < 7; run++) {
  const t0 = performance.now();
  for (let i = 0; i < 100; i++) validateApplicationVersion(fresh(clickstream()));
  clickOnly.push((performance.now() - t0) / 100);
}

const firsts = [];
for (let run = 0; run < 5; run++) {
  const out = execFileSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), "--first"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  firsts.push(JSON.parse(out));
}
const first = {
  load: median(firsts.map((f) => f.load)),
  first: median(firsts.map((f) => f.first)),
  total: median(firsts.map((f) => f.total)),
};

const lines = [
  `## sql-validate (${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)})`,
  "",
  "| measurement | median | floor / ratio | target |",
  "|---|---|---|---|",
  `| warm throughput, realistic mix (${versions.length} versions, ${textsPerRound} SQL texts) | ${Math.round(warm)} SQL texts/s | bare parser ${Math.round(floor)}/s; ${(warm / floor).toFixed(2)}x | >= 2,000 |`,
  `| same mix, repeated texts (result cache, as in validate → plan → apply) | ${Math.round(cached)} SQL texts/s | — | — |`,
  `| warm clickstream version (3 texts) | ${median(clickOnly).toFixed(2)} ms | — | — |`,
  `| fresh process: import modules (tsx) | ${Math.round(first.load)} ms | — | — |`,
  `| fresh process: first validation (bundle load + DFA warm-up) | ${Math.round(first.first)} ms | — | <= 1,000 |`,
  "",
];
console.log(lines.join("\n"));
if (process.argv[2] !== "--no-write") {
  const results = path.join(root, "bench", "RESULTS.md");
  if (!existsSync(results))
    writeFileSync(results, "# Benchmark results\n\nEach section is appended by its benchmark script.\n\n");
  appendFileSync(results, "\n" + lines.join("\n") + "\n");
}
