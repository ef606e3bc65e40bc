import { en, MessageKey } from "./en";
import { zh } from "./zh";

export type { MessageKey } from "./en";
export type Lang = "en" | "zh";
export const LANGUAGES: readonly Lang[] = ["en", "zh"];
export type MessageParams = Readonly<Record<string, string | number>>;

const catalogues: Record<Lang, Record<MessageKey, string>> = { en, zh };

/** Office gives tags like "zh-CN", "zh-TW", "en-US"; the CLI gets POSIX locales like "zh_CN.UTF-8". */
export function resolveLang(tag: string | undefined | null): Lang {
  return tag && /^zh\b/i.test(tag.replace("_", "-")) ? "zh" : "en";
}

export function isLang(value: string): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value);
}

export function message(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[lang][key];
  if (template.indexOf("{") < 0) return template;
  // "{factor@factor}" shows params.factor through the key "factor.<value>" when there is one,
  // so an identifier like "paymentHistory" reaches the user as "payment history" or "付款历史".
  return template.replace(/\{(\w+)(?:@([\w.]+))?\}/g, (whole, name: string, prefix?: string) => {
    if (!(name in params)) return whole;
    const value = String(params[name]);
    if (prefix) {
      const named = (catalogues[lang] as Record<string, string>)[`${prefix}.${value}`];
      if (named !== undefined) return named;
    }
    return value;
  });
}

export function catalogue(lang: Lang): Readonly<Record<MessageKey, string>> {
  return catalogues[lang];
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => message(lang, key, params);
}
