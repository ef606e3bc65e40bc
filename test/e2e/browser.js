/*
 * Debian's Chromium as the browser tests and the load-time benchmark drive it: where it is,
 * the flags this machine needs (no sandbox, no GPU, no background traffic), and the routing
 * that keeps a page on localhost while Office's script URL is answered by the test host.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const OFFICE_JS = "https://appsforoffice.microsoft.com/";
const HOST_SCRIPT = fs.readFileSync(path.join(__dirname, "office-host.js"), "utf8");

/**
 * Every request of a browser context: the local server's go through, office.js from Microsoft's
 * CDN is answered with the test host, anything else is blocked (and shows as a failed request).
 */
function routeToTestHost(context, port) {
  return context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" && url.port === String(port)) return route.continue();
    if (url.href.startsWith(OFFICE_JS))
      return route.fulfill({ status: 200, contentType: "application/javascript; charset=utf-8", body: HOST_SCRIPT });
    return route.abort("blockedbyclient");
  });
}

module.exports = { CHROMIUM, CHROMIUM_ARGS, routeToTestHost };
