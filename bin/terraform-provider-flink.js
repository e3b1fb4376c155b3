#!/usr/bin/env node
// Terraform execs this file. Nothing may be printed to stdout before the plugin handshake line.
const path = require("node:path");
const fs = require("node:fs");
const bundle = path.join(__dirname, "..", "dist", "terraform-provider-flink.cjs");
if (!fs.existsSync(bundle)) {
  process.stderr.write("terraform-provider-flink: dist bundle missing; run `npm run build` first.\n");
  process.exit(1);
}
require(bundle);
