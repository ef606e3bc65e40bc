/**
 * The reviewed sample workbooks as a spreadsheet application prints them: each sample
 * (English and Chinese) reviewed by the command line, converted to PDF by LibreOffice Calc
 * headless, each page's text read back (pdftotext). The rendering test asserts on the pages;
 * `npm run docs:screenshots` also writes PNGs of the summary and the customer sheet's review
 * columns into docs/ (pdftoppm), as the README shows them.
 *
 *   node lib/scripts/render-report.js [outDir]    (after npm run build:cli)
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { review } from "../src/cli/main";
import { message } from "../src/engine/i18n";
import { OUTPUT_HEADERS } from "../src/engine/review/fields";
import { POINTS_PER_INCH } from "../src/engine/review/page-bands";
import { DEFAULT_MARGINS } from "../src/engine/review/page-setup";
import { SAMPLE_AS_OF } from "./make-examples";

export interface RenderedSample {
  readonly lang: "en" | "zh";
  readonly workbook: string;
  readonly pdf: string;
  /** Each page's text, in print order: the customer sheet, the ledger, the summary, the archive, the policy. */
  readonly pages: readonly string[];
}

const SAMPLES = [
  { lang: "en" as const, file: "customers.xlsx" },
  { lang: "zh" as const, file: "customers-zh.xlsx" },
];

/**
 * Converts workbooks to PDF with LibreOffice Calc headless, in one process and with a throwaway
 * profile under `dir` (so a user's own LibreOffice settings never change what is printed).
 * Returns the folder the PDFs are in, each named as its workbook with ".pdf".
 */
export function toPdf(workbooks: readonly string[], dir: string): string {
  const out = path.join(dir, "pdf");
  const profile = path.join(dir, "profile");
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, ...workbooks],
    { stdio: "pipe", timeout: 240_000 },
  );
  return out;
}

/** Reviews both samples into `dir` and renders them to PDF with LibreOffice (its own throwaway profile). */
export async function renderSamples(root: string, dir: string): Promise<RenderedSample[]> {
  const reviewed: { lang: "en" | "zh"; workbook: string }[] = [];
  for (const sample of SAMPLES) {
    const workbook = path.join(dir, sample.file.replace(/\.xlsx$/, ".reviewed.xlsx"));
    const argv = [path.join(root, "examples", sample.file), "--as-of", SAMPLE_AS_OF, "--lang", sample.lang, "--out", workbook];
    const { code } = await review(argv, { stdout: () => undefined, stderr: () => undefined, progress: false });
    if (code !== 0) throw new Error(`credit-review ${argv.join(" ")} exited ${code}`);
    reviewed.push({ lang: sample.lang, workbook });
  }
  const out = toPdf(
    reviewed.map((r) => r.workbook),
    dir,
  );
  return reviewed.map(({ lang, workbook }) => {
    const pdf = path.join(out, path.basename(workbook).replace(/\.xlsx$/, ".pdf"));
    return { lang, workbook, pdf, pages: pagesOf(pdf) };
  });
}

/** Each page's text of a PDF, in print order. */
export function pagesOf(pdf: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"], { encoding: "utf8" }),
  );
}

/** The 0-based pages whose text holds `marker`. */
export function pagesWith(sample: RenderedSample, marker: string): number[] {
  return sample.pages.flatMap((text, i) => (text.includes(marker) ? [i] : []));
}

/** Where a word is printed: its 0-based page and its text's height in points (what a reader sees of its size). */
export function wordHeights(sample: RenderedSample, word: string): { page: number; height: number }[] {
  const boxes = execFileSync("pdftotext", ["-bbox", sample.pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const found: { page: number; height: number }[] = [];
  let page = -1;
  for (const line of boxes.split("\n")) {
    if (line.includes("<page ")) page++;
    const m = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (m && m[3] === word) found.push({ page, height: Number(m[2]) - Number(m[1]) });
  }
  return found;
}

/**
 * How far down each page (0-based, in print order) its words reach, as a share of the room between
 * its top and bottom margins: the review's own sheets print with the default margins, their page's
 * header and footer within them, not counted. 0 for a page with nothing between them.
 */
export function printedDepths(sample: RenderedSample): number[] {
  const boxes = execFileSync("pdftotext", ["-bbox", sample.pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const depths: number[] = [];
  let top = 0;
  let bottom = 0;
  for (const line of boxes.split("\n")) {
    const page = /<page width="[\d.]+" height="([\d.]+)">/.exec(line);
    if (page) {
      top = DEFAULT_MARGINS.top * POINTS_PER_INCH;
      bottom = Number(page[1]) - DEFAULT_MARGINS.bottom * POINTS_PER_INCH;
      depths.push(0);
    }
    const word = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/.exec(line);
    if (!word || Number(word[1]) >= bottom || Number(word[2]) <= top) continue;
    depths[depths.length - 1] = Math.max(depths[depths.length - 1], (Number(word[2]) - top) / (bottom - top));
  }
  return depths;
}

/** A text without its white space and hyphens: as a cell's text reads back from its printed lines, wherever they broke. */
export function unbroken(text: string): string {
  return text.replace(/[\s\-\u2010]/g, "");
}

/**
 * How many lines a text is printed on, the most where it is printed more than once; undefined when
 * it is not printed whole. A wrapped cell's text reads down consecutive lines of one of the PDF's
 * text blocks (a block may run on into the cells below), broken as the application broke it, even
 * lines its row is too short to show: LibreOffice writes a cell's text whole and clips it.
 */
export function printedLines(sample: RenderedSample): (text: string) => number | undefined {
  const layout = execFileSync("pdftotext", ["-bbox-layout", sample.pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const entity = (text: string) =>
    text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[name]!);
  // Each line as its words: a neighbouring cell's text printed on the same line (its baseline level
  // with this cell's, close beside it) is read into the same line, before or after the cell's words.
  const blocks = [...layout.matchAll(/<block [^>]*>([\s\S]*?)<\/block>/g)].map((block) =>
    [...block[1].matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)].map((line) =>
      [...line[1].matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => unbroken(entity(w[1]))),
    ),
  );
  /** Whether a line's words from `start` on, as many as it takes, are `text`. */
  const runAt = (words: readonly string[], text: string, start: number): boolean => {
    let piece = "";
    for (let end = start; end < words.length && text.startsWith(piece + words[end]); end++)
      if ((piece += words[end]) === text) return true;
    return false;
  };
  /**
   * The lines from `first` (its words from `from`) the target reads down: each line whole but the
   * first, which may begin with a neighbour's words, and the last, which may have them on either side.
   */
  const linesRead = (lines: readonly string[][], first: number, from: number, target: string): number | undefined => {
    let read = "";
    for (let at = first; at < lines.length; at++) {
      const rest = target.slice(read.length);
      const words = lines[at];
      if (at === first ? runAt(words, rest, from) : words.some((_, start) => runAt(words, rest, start))) return at - first + 1;
      const piece = (at === first ? words.slice(from) : words).join("");
      if (piece === "" || !rest.startsWith(piece)) return undefined;
      read += piece;
    }
    return undefined;
  };
  return (text) => {
    const target = unbroken(text);
    if (target === "") return undefined;
    let most: number | undefined;
    for (const lines of blocks)
      for (let first = 0; first < lines.length; first++)
        for (let from = 0; from < lines[first].length; from++) {
          const count = linesRead(lines, first, from, target);
          if (count !== undefined) most = Math.max(most ?? 0, count);
        }
    return most;
  };
}

/** A page as PNG at `dpi`, cropped to a part of it (in fractions of the page). */
function pagePng(
  pdf: string,
  page: number,
  file: string,
  dpi: number,
  crop: { x: number; y: number; w: number; h: number },
): void {
  const info = execFileSync("pdfinfo", ["-f", String(page + 1), "-l", String(page + 1), pdf], { encoding: "utf8" });
  const [, w, h] = /Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  const [width, height] = [(Number(w) / 72) * dpi, (Number(h) / 72) * dpi];
  const px = (f: number, of: number) => String(Math.round(f * of));
  const area = ["-x", px(crop.x, width), "-y", px(crop.y, height), "-W", px(crop.w, width), "-H", px(crop.h, height)];
  const stem = file.replace(/\.png$/, "");
  execFileSync("pdftoppm", [
    "-r",
    String(dpi),
    "-f",
    String(page + 1),
    "-l",
    String(page + 1),
    "-singlefile",
    "-png",
    ...area,
    pdf,
    stem,
  ]);
}

/** Writes the docs' PNGs: each language's summary page, and the English customer sheet's review columns. */
export function writeDocPngs(samples: readonly RenderedSample[], docs: string): string[] {
  const written: string[] = [];
  for (const sample of samples) {
    const summary = pagesWith(sample, message(sample.lang, "summary.title"))[0];
    const suffix = sample.lang === "en" ? "" : "-zh";
    const file = path.join(docs, `report-summary${suffix}.png`);
    pagePng(sample.pdf, summary, file, 110, { x: 0.03, y: 0.05, w: 0.94, h: 0.8 });
    written.push(file);
    if (sample.lang === "en") {
      const customers = path.join(docs, "report-customers.png");
      // The sheet prints on pages across, the customers' ids and names on each: the first with the warnings.
      const page = pagesWith(sample, OUTPUT_HEADERS.warnings.en)[0];
      pagePng(sample.pdf, page, customers, 130, { x: 0.03, y: 0.05, w: 0.94, h: 0.5 });
      written.push(customers);
    }
  }
  return written;
}

if (require.main === module) {
  const root = path.resolve(__dirname, "../..");
  const docs = process.argv[2] ?? path.join(root, "docs");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-render-"));
  renderSamples(root, dir)
    .then((samples) => {
      for (const file of writeDocPngs(samples, docs)) console.log(`wrote ${file}`);
    })
    .finally(() => fs.rmSync(dir, { recursive: true, force: true }))
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
