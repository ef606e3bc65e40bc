/** The pane's language: every visible string goes through the engine's message catalogues. */
import "../engine/i18n/ui";
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

export { formatCount } from "../engine/review/texts";
