#!/usr/bin/env node
// The compiled command line lives in lib/ (built by `npm run build:cli`, which `npm ci` runs as `prepare`).
"use strict";
require("../lib/src/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
