import { ymdFromSerial } from "../cells";
import { hanMeetsLatin } from "../script-spacing";
import type { CliMessageKey } from "./cli-en";
import type { ReportMessageKey } from "./report-en";
import type { UiMessageKey } from "./ui-en";
import { en, MessageKey as CoreMessageKey } from "./en";
import { zh } from "./zh";

/**
 * Every text's key: the product's, and the review's, the command line's and the task pane's own
 * (added by ./report.ts, ./cli.ts and ./ui.ts where they are said).
 */
export type MessageKey = CoreMessageKey | ReportMessageKey | CliMessageKey | UiMessageKey;
export type Lang = "en" | "zh";
export const LANGUAGES: readonly Lang[] = ["en", "zh"];
/**
 * A text's parameters. A list (rows 5 and 9, the sheets of a workbook) is joined where the text
 * is said, in its language ("5, 9", "5、9"): an error is made before anyone knows the reader's.
 */
export type MessageParams = Readonly<Record<string, string | number | readonly (string | number)[]>>;

const catalogues: Record<Lang, Partial<Record<MessageKey, string>>> = { en: { ...en }, zh: { ...zh } };

/**
 * Adds a face's own catalogue to the product's (the command line's help and messages): a bundle
 * that never imports it, the custom functions' or the task pane's, does not carry its texts.
 */
export function addCatalogue(lang: Lang, entries: Readonly<Record<string, string>>): void {
  Object.assign(catalogues[lang], entries);
}

/**
 * The language a tag names, or undefined when it names neither: Office gives tags like "zh-CN",
 * "zh-TW", "en-US", the command line POSIX locales like "zh_CN.UTF-8" (and "C" or "POSIX", which
 * name none) and --lang what people type ("EN", "zh_Hans").
 */
export function langOfTag(tag: string | undefined | null): Lang | undefined {
  const match = tag ? /^(en|zh)(?![a-z0-9])/i.exec(tag.trim()) : null;
  return match ? (match[1].toLowerCase() as Lang) : undefined;
}

/** The language a tag names, English when it names none. */
export function resolveLang(tag: string | undefined | null): Lang {
  return langOfTag(tag) ?? "en";
}

export function isLang(value: string): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * "{name}", "{name@prefix}", "{name:date}" (the parameter is a date serial, shown in the
 * language's date form: an error made before anyone knows the reader's language carries the
 * date, not a text of it), or "{name|one|other}": the word for a count, "one" when the
 * parameter is 1 and "other" otherwise ("1 customer", "2 customers"; Chinese needs none).
 * "{name:spaced}" and "{name@prefix:spaced}": a parameter that may be Latin or Chinese (a
 * currency's code or its Chinese name, a unit as a sheet writes it), set off by a space from a
 * Chinese character it meets with a Latin letter, digit or sign, as Chinese typography sets
 * them, and by none where it meets it with a Chinese character: "以{mark@currency:spaced}计" is
 * "以 USD 计", and "以标为 ¥ 的人民币或日元计".
 */
const PLACEHOLDER = /\{(\w+)(?:(?:@([\w.]+))?(?::(date|spaced))?|\|([^|{}]*)\|([^|{}]*))\}/g;

/** A template's text between placeholders, and each placeholder as written, its name and prefix, form or word forms. */
type TemplatePart =
  | string
  | {
      readonly whole: string;
      readonly name: string;
      readonly prefix?: string;
      readonly form?: "date" | "spaced";
      readonly one?: string;
      readonly other?: string;
    };

/**
 * Templates cut at their placeholders once each: a review says the same few sentences for
 * every customer, and scanning a template each time was a good share of a large plan's time.
 */
const parsedTemplates = new Map<string, readonly TemplatePart[]>();

function templateParts(template: string): readonly TemplatePart[] {
  let parts = parsedTemplates.get(template);
  if (parts) return parts;
  const cut: TemplatePart[] = [];
  let from = 0;
  for (const found of template.matchAll(PLACEHOLDER)) {
    if (found.index > from) cut.push(template.slice(from, found.index));
    cut.push({
      whole: found[0],
      name: found[1],
      prefix: found[2],
      form: found[3] as "date" | "spaced" | undefined,
      one: found[4],
      other: found[5],
    });
    from = found.index + found[0].length;
  }
  if (from < template.length) cut.push(template.slice(from));
  parsedTemplates.set(template, (parts = cut));
  return parts;
}

let missingParam: ((key: MessageKey, name: string) => void) | undefined;

/**
 * Called with a text's key and the placeholder's name whenever a text is said without one of its
 * parameters: the test suites throw there, so a renamed parameter cannot reach a reader as
 * "{last}". A user never meets the hook; their text keeps the placeholder rather than fail.
 */
export function onMissingParam(handler: typeof missingParam): void {
  missingParam = handler;
}

export function message(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[lang][key];
  if (template === undefined)
    throw new Error(
      `text "${key}" is not loaded: the module that says it imports engine/i18n/report, engine/i18n/cli or engine/i18n/ui`,
    );
  if (template.indexOf("{") < 0) return template;
  let text = "";
  const parts = templateParts(template);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (typeof part === "string") {
      text += part;
      continue;
    }
    // A placeholder without its parameter stays as written, for the tests to catch (see below).
    if (!(part.name in params)) {
      missingParam?.(key, part.name);
      text += part.whole;
      continue;
    }
    const param = params[part.name];
    // A list's word is for how many it holds ("rows 5, 9"); each of its items is said as one parameter.
    if (part.one !== undefined) {
      text += String(typeof param === "object" ? param.length : param) === "1" ? part.one : part.other;
      continue;
    }
    const said =
      typeof param === "object"
        ? param.map((item) => paramText(part, item, lang)).join(message(lang, "sep.list"))
        : paramText(part, param, lang);
    const next = parts[i + 1];
    text += part.form === "spaced" ? spacedFromHan(text, said, typeof next === "string" ? next : "") : said;
  }
  return text;
}

/**
 * `said` between the text `before` it and `after` it, with a space on each side where a Chinese
 * character meets a Latin one (see PLACEHOLDER's "spaced").
 */
function spacedFromHan(before: string, said: string, after: string): string {
  if (said === "") return said;
  return `${hanMeetsLatin(before, said) ? " " : ""}${said}${hanMeetsLatin(said, after) ? " " : ""}`;
}

/** One parameter as its placeholder says it: a date, or a value (through its prefix's key when there is one). */
function paramText(part: Exclude<TemplatePart, string>, param: string | number, lang: Lang): string {
  if (part.form === "date") return dateText(Number(param), lang);
  const value = String(param);
  // "{factor@factor}" shows params.factor through the key "factor.<value>" when there is one,
  // so an identifier like "paymentHistory" reaches the user as "payment history" or "付款历史".
  const named = part.prefix === undefined ? undefined : (catalogues[lang] as Record<string, string>)[`${part.prefix}.${value}`];
  return named ?? value;
}

const twoDigits = (n: number) => String(n).padStart(2, "0");

/**
 * A date (an Excel serial) in a sentence, as the language's date cells show it (formats.ts):
 * 2026-11-30 in English, 2026年11月30日 in Chinese, so a text and the cell beside it read alike.
 */
export function dateText(serial: number, lang: Lang): string {
  const { year, month, day } = ymdFromSerial(serial);
  return lang === "zh" ? `${year}年${month}月${day}日` : `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

/** A date's month, as a chart's axis labels its points (formats.ts's "month"): 2026-11 in English, 26年11月 in Chinese. */
export function monthText(serial: number, lang: Lang): string {
  const { year, month } = ymdFromSerial(serial);
  return lang === "zh" ? `${twoDigits(year % 100)}年${month}月` : `${year}-${twoDigits(month)}`;
}

/** The texts loaded for a language: the product's, and the command line's once it is imported. */
export function catalogue(lang: Lang): Readonly<Partial<Record<MessageKey, string>>> {
  return catalogues[lang];
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => message(lang, key, params);
}
