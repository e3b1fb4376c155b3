/**
 * How `flinkform synth` learns what a user's program threw without its stack trace reaching the
 * terminal: a small hook preloaded into the program's node processes (NODE_OPTIONS `--require`)
 * catches an uncaught error, writes it as JSON, issues included, to a report file and exits 1.
 * The program's own `app.synth()` stays as cdktn documents it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ThrownError } from "./problems";

/** Plain CommonJS: it runs before any TypeScript loader, in every node process the command starts. */
const HOOK = `"use strict";
const fs = require("node:fs");
const file = process.env.FLINKFORM_SYNTH_REPORT;
function report(err) {
  const e = err !== null && typeof err === "object" ? err : { message: String(err) };
  try {
    const json = { name: e.name, message: String(e.message), stack: e.stack, code: e.code, issues: e.issues };
    fs.writeFileSync(file, JSON.stringify(json));
  } catch {}
  process.exit(1);
}
if (file) {
  process.on("uncaughtException", report);
  process.on("unhandledRejection", report);
}
`;

export interface ReportHook {
  /** Environment for the program: NODE_OPTIONS with the hook, and where the report goes. */
  readonly env: NodeJS.ProcessEnv;
  /** What the program threw, if it threw. */
  read(): ThrownError | undefined;
  dispose(): void;
}

export function createReportHook(base: NodeJS.ProcessEnv): ReportHook {
  const dir = mkdtempSync(path.join(tmpdir(), "flinkform-synth-"));
  const hook = path.join(dir, "report-hook.cjs");
  const report = path.join(dir, "report.json");
  writeFileSync(hook, HOOK);
  const preload = `--require ${JSON.stringify(hook)}`;
  return {
    env: {
      ...base,
      NODE_OPTIONS: base.NODE_OPTIONS ? `${base.NODE_OPTIONS} ${preload}` : preload,
      FLINKFORM_SYNTH_REPORT: report,
    },
    read: () => (existsSync(report) ? (JSON.parse(readFileSync(report, "utf8")) as ThrownError) : undefined),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
