#!/usr/bin/env node
// The command line is TypeScript compiled into lib/ by `npm run build:cli`. Installs run no
// scripts (see .npmrc), so the first run after a fresh install compiles it here.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const entry = path.join(root, "lib/src/cli/main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("credit-review: compiling the command line (first run)…\n");
  const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  const result = require("child_process").spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.cli.json")], {
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(1);
}

require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
