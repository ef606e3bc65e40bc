#!/usr/bin/env node
/*
 * Writes the add-in's icons (assets/icon-{16,32,64,80,128}.png): a three-bar gauge in
 * green, amber and red on a white rounded tile. Pure Node (zlib + CRC-32), no image
 * library, and deterministic: rerunning it gives the same bytes.
 * Usage: node scripts/make-icons.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, "..", "assets");

const WHITE = [255, 255, 255, 255];
const BORDER = [96, 110, 125, 255];
const GREEN = [16, 124, 16, 255];
const AMBER = [234, 163, 0, 255];
const RED = [196, 43, 28, 255];
const CLEAR = [0, 0, 0, 0];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels (size × size × 4) → PNG bytes, colour type 6, no interlace. */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  header[10] = 0;
  header[11] = 0;
  header[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A rounded white tile with three rising bars: green (low), amber (medium), red (high risk). */
function drawIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const set = (x, y, colour) => pixels.set(colour, (y * size + x) * 4);
  const radius = Math.max(2, Math.round(size / 8));
  const border = Math.max(1, Math.round(size / 32));
  const inside = (x, y, inset) => {
    const lo = inset;
    const hi = size - 1 - inset;
    const r = Math.max(0, radius - inset);
    if (x < lo || x > hi || y < lo || y > hi) return false;
    const cx = x < lo + r ? lo + r : x > hi - r ? hi - r : x;
    const cy = y < lo + r ? lo + r : y > hi - r ? hi - r : y;
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      set(x, y, inside(x, y, border) ? WHITE : inside(x, y, 0) ? BORDER : CLEAR);
    }
  }
  // Three bars on a common baseline, heights 40 %, 65 %, 90 % of the drawing area.
  const margin = Math.max(3, Math.round(size * 0.18));
  const area = size - 2 * margin;
  const gap = Math.max(1, Math.round(area / 10));
  const barWidth = Math.max(1, Math.floor((area - 2 * gap) / 3));
  const left = margin + Math.floor((area - (3 * barWidth + 2 * gap)) / 2);
  const bottom = size - margin;
  [
    [GREEN, 0.4],
    [AMBER, 0.65],
    [RED, 0.9],
  ].forEach(([colour, share], i) => {
    const height = Math.max(1, Math.round(area * share));
    const x0 = left + i * (barWidth + gap);
    for (let y = bottom - height; y < bottom; y++) {
      for (let x = x0; x < x0 + barWidth; x++) set(x, y, colour);
    }
  });
  return encodePng(size, pixels);
}

fs.mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT_DIR, `icon-${size}.png`);
  fs.writeFileSync(file, drawIcon(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
