import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { latestRetainedCheckpoint } from "../../../controlplane/cluster/flink/retained-checkpoints";

const JOB = "5f3c9a1e2b7d4c608e1f0a2b3c4d5e6f";
let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "flinkform-chk-"));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** Lays out `<root>/<job>/<name>` directories; names ending in "+" get a `_metadata` file (a completed checkpoint). */
function layout(entries: readonly string[], job = JOB): void {
  fs.mkdirSync(path.join(root, job), { recursive: true });
  for (const e of entries) {
    const complete = e.endsWith("+");
    const dir = path.join(root, job, complete ? e.slice(0, -1) : e);
    fs.mkdirSync(dir, { recursive: true });
    if (complete) fs.writeFileSync(path.join(dir, "_metadata"), "metadata");
    else fs.writeFileSync(path.join(dir, "0b1c2d3e-state"), "partial");
  }
}

describe("latestRetainedCheckpoint", () => {
  test.each([
    { case: "the only completed checkpoint", dirs: ["chk-1+"], expected: "chk-1" },
    {
      case: "the highest of several (numerically, not by name)",
      dirs: ["chk-9+", "chk-10+", "chk-2+"],
      expected: "chk-10",
    },
    {
      case: "a newer checkpoint still being written is skipped",
      dirs: ["chk-7+", "chk-8"],
      expected: "chk-7",
    },
    {
      case: "Flink's shared and taskowned dirs are no checkpoints",
      dirs: ["shared", "taskowned", "chk-3+"],
      expected: "chk-3",
    },
    {
      case: "names that only look like checkpoints are ignored",
      dirs: ["chk-4+", "chk-99.tmp+", "xchk-50+", "chk-+", "savepoint-5f3c9a-0123456789ab+"],
      expected: "chk-4",
    },
  ])("$case", ({ dirs, expected }) => {
    layout(dirs);
    expect(latestRetainedCheckpoint(root, JOB)).toBe(`file://${path.join(root, JOB, expected)}`);
  });

  test("the path is a file:// URI Flink can restore from, pointing at the checkpoint directory", () => {
    layout(["chk-12+"]);
    const found = latestRetainedCheckpoint(root, JOB)!;
    expect(found).toMatch(/^file:\/\/\//);
    expect(fs.existsSync(path.join(new URL(found).pathname, "_metadata"))).toBe(true);
  });

  test("another job's checkpoints are not this job's", () => {
    layout(["chk-30+"], "00000000000000000000000000000000");
    layout(["chk-2+"]);
    expect(latestRetainedCheckpoint(root, JOB)).toBe(`file://${path.join(root, JOB, "chk-2")}`);
    expect(latestRetainedCheckpoint(root, "ffffffffffffffffffffffffffffffff")).toBeUndefined();
  });

  test.each([
    { case: "no completed checkpoint", dirs: ["chk-1", "chk-2", "shared"] },
    { case: "an empty job directory", dirs: [] },
  ])("$case: undefined", ({ dirs }) => {
    layout(dirs);
    expect(latestRetainedCheckpoint(root, JOB)).toBeUndefined();
  });

  test("a missing checkpoint directory or none configured: undefined", () => {
    expect(latestRetainedCheckpoint(path.join(root, "nowhere"), JOB)).toBeUndefined();
    expect(latestRetainedCheckpoint(undefined, JOB)).toBeUndefined();
    expect(latestRetainedCheckpoint("", JOB)).toBeUndefined();
  });
});
