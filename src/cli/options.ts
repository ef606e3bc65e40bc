/** The command line's options, read strictly: an unknown or malformed option is bad input (exit 2). */
import "../engine/i18n/cli";
import { parseArgs } from "node:util";
import { Lang, langOfTag, message, MessageKey, MessageParams, resolveLang } from "../engine/i18n";
import { likelyMeant } from "../engine/nearest";

export interface Options {
  readonly input: string;
  readonly sheet?: string;
  readonly asOf?: string;
  readonly policy?: string;
  readonly lang: Lang;
  /** Whether --lang chose the language; else the locale's stands until a sheet reviewed before says its own. */
  readonly langAsked: boolean;
  /** Whether the locale names a language (en_US, zh_CN); C, POSIX or none leaves it to the sheet's headers. */
  readonly localeNamesLang: boolean;
  readonly out?: string;
  readonly json: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

/** A command line that cannot be read: said in the user's language, with the usage line under it. */
export class UsageError extends Error {
  constructor(
    readonly lang: Lang,
    readonly key: MessageKey,
    readonly params?: MessageParams,
  ) {
    super(message(lang, key, params));
  }
}

const OPTIONS = {
  sheet: { type: "string" },
  "as-of": { type: "string" },
  policy: { type: "string" },
  lang: { type: "string" },
  out: { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", default: false },
} as const;

/** The locale's tag, as POSIX gives it precedence. */
const localeTag = (env: NodeJS.ProcessEnv) => env.LC_ALL || env.LC_MESSAGES || env.LANG;

const OPTION_NAMES = Object.keys(OPTIONS).map((name) => `--${name}`);

/** The usage line and, with `full`, what each option does: in the user's language. */
export function usage(lang: Lang, full = false): string {
  return full ? `${message(lang, "cli.usage")}\n\n${message(lang, "cli.help")}` : message(lang, "cli.usage");
}

/**
 * The language the user asked for: the last valid --lang wherever it stands (so that even a command
 * line that cannot be read is answered in it), else the locale's.
 */
export function askedLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  let asked: Lang | undefined;
  for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
    const value = argv[i] === "--lang" ? argv[i + 1] : argv[i].startsWith("--lang=") ? argv[i].slice(7) : undefined;
    // The last one counts, as it does for every option.
    const lang = langOfTag(value);
    if (lang) asked = lang;
  }
  return asked ?? resolveLang(localeTag(env));
}

/** node's parseArgs says what is wrong in English and in its own terms; the user is told in theirs. */
function parseFailure(error: unknown, lang: Lang): UsageError {
  const { code, message: text } = error as { code?: string; message?: string };
  const option = /'(-[^' =]+)/.exec(text ?? "")?.[1] ?? "";
  const known = OPTION_NAMES.includes(option) || option === "-h";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || !known) {
    const meant = likelyMeant(option, OPTION_NAMES);
    return meant
      ? new UsageError(lang, "cli.unknownOption", { option: option.slice(0, 40), nearest: meant })
      : new UsageError(lang, "cli.unknownOptionAlone", { option: option.slice(0, 40), options: OPTION_NAMES });
  }
  if (/does not take an argument/.test(text ?? "")) return new UsageError(lang, "cli.optionTakesNoValue", { option });
  return new UsageError(lang, "cli.optionNeedsValue", { option });
}

export function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): Options {
  const asked = askedLang(argv, env);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw parseFailure(error, asked);
  }
  const { values, positionals } = parsed;
  if (values.lang !== undefined && !langOfTag(values.lang))
    throw new UsageError(asked, "cli.badLang", { value: values.lang.slice(0, 40) });
  const langAsked = values.lang !== undefined;
  const localeNamesLang = langOfTag(localeTag(env)) !== undefined;
  if (values.help || values.version)
    return { input: "", lang: asked, langAsked, localeNamesLang, json: false, help: values.help, version: !values.help };
  if (positionals.length !== 1)
    throw positionals.length === 0
      ? new UsageError(asked, "cli.noWorkbook")
      : new UsageError(asked, "cli.oneWorkbook", { count: positionals.length });
  return {
    input: positionals[0],
    sheet: values.sheet,
    asOf: values["as-of"],
    policy: values.policy,
    lang: asked,
    langAsked,
    localeNamesLang,
    out: values.out,
    json: values.json ?? false,
    help: false,
    version: false,
  };
}
