/**
 * `npm run generate`: every generated artefact from the specs. Deterministic and offline; a spec
 * mistake stops it with a message naming the spec and the attribute.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { assertSpecsValid, SpecError } from "../dsl/check-spec";
import { allSpecs } from "../index";
import { renderDocs } from "./docs";
import { renderGuides } from "./guides";
import { renderProviderSchema } from "./provider-schema";

const root = path.resolve(__dirname, "..", "..");

function write(relative: string, content: string): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

function main(): void {
  assertSpecsValid(allSpecs);
  const schema = renderProviderSchema(allSpecs);
  write("schemas/generated/provider-schema.json", `${JSON.stringify(schema, null, 2)}\n`);
  // docs/ is wholly generated: clear it so a removed resource leaves no stale page.
  rmSync(path.join(root, "docs"), { recursive: true, force: true });
  for (const doc of renderDocs(root, allSpecs)) write(doc.path, doc.content);
  for (const guide of renderGuides(root)) write(guide.path, guide.content);
}

try {
  main();
} catch (err) {
  if (err instanceof SpecError) {
    process.stderr.write(`npm run generate: ${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
