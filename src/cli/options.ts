/** The command line's options, read strictly: an unknown or malformed option is bad input (exit 2). */
import { parseArgs } from "node:util";
import { isLang, Lang, resolveLang } from "../engine/i18n";

export interface Options {
  readonly input: string;
  readonly sheet?: string;
  readonly asOf?: string;
  readonly policy?: string;
  readonly lang: Lang;
  readonly out?: string;
  readonly json: boolean;
  readonly help: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: credit-review <workbook.xlsx> [--sheet NAME] [--as-of YYYY-MM-DD] [--policy FILE.json] [--lang en|zh] [--out OUT.xlsx] [--json]

Reviews every customer on a sheet against the credit policy's warning thresholds and
writes the recommendations to OUT (default: <workbook>.reviewed.xlsx; the input is never changed).

  --sheet NAME      the customer sheet (default: the first sheet with customer headers)
  --as-of DATE      review date (default: today)
  --policy FILE     policy JSON (default: the workbook's "Credit Policy" sheet, else the defaults)
  --lang en|zh      language of the output (default: from LANG)
  --out FILE        where to write the reviewed workbook
  --json            print the result as JSON instead of a table

Exit status: 0 review done (with or without warnings), 2 bad input, 1 internal error.`;

export function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        sheet: { type: "string" },
        "as-of": { type: "string" },
        policy: { type: "string" },
        lang: { type: "string" },
        out: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { input: "", lang: "en", json: false, help: true };
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? "no workbook given" : `one workbook at a time, got ${positionals.length}`);
  const lang = values.lang ?? resolveLang(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  if (!isLang(lang)) throw new UsageError(`--lang must be en or zh, got "${lang}"`);
  return {
    input: positionals[0],
    sheet: values.sheet,
    asOf: values["as-of"],
    policy: values.policy,
    lang,
    out: values.out,
    json: values.json ?? false,
    help: false,
  };
}
