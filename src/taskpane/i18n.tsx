/** The pane's language: every visible string goes through the engine's message catalogues. */
import { createContext, useContext } from "react";
import { Lang, Translate, translator } from "../engine/i18n";

export interface LangValue {
  readonly lang: Lang;
  readonly t: Translate;
}

export const LangContext = createContext<LangValue>({ lang: "en", t: translator("en") });

export function useLang(): LangValue {
  return useContext(LangContext);
}

/** A count as the language writes it: 1,200 (and the same in Chinese). */
export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 0 }).format(n);
}
