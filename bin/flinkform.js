#!/usr/bin/env node
// The `flinkform` command: a thin launcher for the bundle built by `npm run build` (run by `npm ci`).
const path = require("node:path");
const fs = require("node:fs");
const bundle = path.join(__dirname, "..", "dist", "flinkform.cjs");
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    "flinkform: dist/flinkform.cjs is missing; run `npm run build` (npm ci does it) first.\n",
  );
  process.exit(1);
}
// Inside the bundle `require.main === module` does not hold, so the launcher starts the CLI itself.
require(bundle)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`flinkform: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
