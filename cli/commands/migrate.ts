/**
 * `flinkform migrate PATH [--dry-run]`: rewrites the *.tf files of a directory written for the
 * official Aiven provider's Flink resources into flinkform's, and writes `moved` blocks into
 * migration_moved.tf so the next plan moves their state instead of recreating anything. Each
 * changed file keeps a copy as FILE.pre-migrate.bak; --dry-run prints the diff and writes nothing.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lineDiff } from "./migrate-diff";
import { HclError } from "./migrate-hcl";
import { MOVED_FILE, migrate } from "./migrate-rewrite";

const USAGE = "usage: flinkform migrate PATH [--dry-run]   (PATH: a directory of terraform files)\n";

export async function run(argv: string[]): Promise<number> {
  let dir: string | undefined;
  let dryRun = false;
  for (const arg of argv) {
    if (arg === "--help" || arg === "-h") {
      process.stdout.write(USAGE);
      return 0;
    }
    if (arg === "--dry-run") dryRun = true;
    else if (arg.startsWith("-")) {
      process.stderr.write(`unknown option: ${arg}\n${USAGE}`);
      return 2;
    } else if (dir === undefined) dir = arg;
    else {
      process.stderr.write(`one directory only (got ${dir} and ${arg})\n${USAGE}`);
      return 2;
    }
  }
  if (!dir) {
    process.stderr.write(USAGE);
    return 2;
  }
  const root = path.resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    process.stderr.write(`flinkform migrate: ${dir} is not a directory\n`);
    return 2;
  }
  const names = readdirSync(root).sort();
  const inputs = names
    .filter((n) => n.endsWith(".tf"))
    .map((n) => ({ file: n, content: readFileSync(path.join(root, n), "utf8") }));
  const notes: string[] = names
    .filter((n) => n.endsWith(".tf.json"))
    .map((n) => `${n}: JSON configuration is not rewritten; change its aiven_flink* resources by hand`);
  if (inputs.length === 0) {
    process.stderr.write(`flinkform migrate: no .tf files in ${dir}\n`);
    return 2;
  }

  let result: ReturnType<typeof migrate>;
  try {
    result = migrate(inputs);
  } catch (err) {
    // Bad input names its file and line; nothing has been written yet.
    const message = err instanceof HclError || err instanceof Error ? err.message : String(err);
    process.stderr.write(`flinkform migrate: ${message}\nNo file was changed.\n`);
    return 1;
  }
  notes.push(...result.notes);

  const movedPath = path.join(root, MOVED_FILE);
  let moved = result.movedFile;
  if (moved !== null && existsSync(movedPath)) {
    // A second run (say, after adding resources) appends its moves to the first run's file.
    const before = readFileSync(movedPath, "utf8");
    const blocks = result.moves
      .filter((m) => !before.includes(`from = ${m.from}\n`))
      .map((m) => `moved {\n  from = ${m.from}\n  to   = ${m.to}\n}\n`);
    moved = blocks.length ? `${before.replace(/\n*$/, "\n")}\n${blocks.join("\n")}` : null;
  }

  if (dryRun) {
    for (const c of result.changed) {
      const before = inputs.find((i) => i.file === c.file)!.content;
      process.stdout.write(lineDiff(c.file, before, c.content));
    }
    if (moved !== null)
      process.stdout.write(
        lineDiff(MOVED_FILE, existsSync(movedPath) ? readFileSync(movedPath, "utf8") : "", moved),
      );
  } else {
    for (const c of result.changed) {
      const file = path.join(root, c.file);
      const backup = `${file}.pre-migrate.bak`;
      if (!existsSync(backup)) writeFileSync(backup, inputs.find((i) => i.file === c.file)!.content);
      writeFileSync(file, c.content);
    }
    if (moved !== null) writeFileSync(movedPath, moved);
  }

  const out: string[] = [];
  const verb = dryRun ? "would move" : "moves";
  if (result.moves.length === 0) out.push("No aiven_flink* resources to migrate.");
  for (const m of result.moves) out.push(`${verb} ${m.from} → ${m.to}`);
  if (!dryRun && result.changed.length)
    out.push(`rewrote ${result.changed.map((c) => c.file).join(", ")} (originals kept as *.pre-migrate.bak)`);
  if (!dryRun && moved !== null) out.push(`wrote the moved blocks to ${MOVED_FILE}`);
  for (const n of notes) out.push(`note: ${n}`);
  if (result.moves.length)
    out.push(
      'next: terraform init -upgrade, then terraform plan: it should show only moves ("has moved to"). See docs/guides/migrate-from-aiven.md.',
    );
  process.stderr.write(`${out.join("\n")}\n`);
  return 0;
}
