#!/usr/bin/env node
/*
 * Reads `npm audit --json` on stdin and decides CI's fate (see .ci/run and SECURITY.md):
 *   - a report with high or critical vulnerabilities: exit 1 (CI fails);
 *   - a report without them: exit 0;
 *   - no report, because the registry's audit endpoint could not be reached or refused the
 *     request (some registries and mirrors answer 405 Method Not Allowed): say so, exit 0.
 * Usage: { npm audit --omit=dev --audit-level=high --json || true; } | node scripts/audit-gate.js
 */
"use strict";

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  let report;
  try {
    report = JSON.parse(input);
  } catch {
    report = undefined;
  }
  const counts = report && report.metadata && report.metadata.vulnerabilities;
  if (!counts || typeof counts !== "object") {
    const reason = (report && (report.message || (report.error && report.error.summary))) || "no audit report";
    console.log(`npm audit: the audit endpoint could not be used (${reason}); dependency audit skipped`);
    return;
  }
  const serious = (counts.high || 0) + (counts.critical || 0);
  console.log(`npm audit (runtime dependencies): ${JSON.stringify(counts)}`);
  if (serious > 0) {
    for (const [name, v] of Object.entries(report.vulnerabilities || {})) {
      if (v.severity === "high" || v.severity === "critical") console.log(`  ${v.severity}: ${name} ${v.range || ""}`);
    }
    process.exitCode = 1;
  }
});
