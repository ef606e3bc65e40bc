/** Excel number formats for the plan's cell formats, as each language's users expect to read them. */
import { Lang } from "../i18n";
import { CellFormat } from "./write-plan";

export const NUMBER_FORMATS: Readonly<Record<Lang, Readonly<Record<CellFormat, string>>>> = {
  en: {
    general: "General",
    text: "@",
    score: "0.00",
    money: "#,##0.00",
    date: "yyyy-mm-dd",
    month: "yyyy-mm",
    percent: "0.0%",
    ratio: "0.00",
    integer: "0",
  },
  zh: {
    general: "General",
    text: "@",
    score: "0.00",
    money: "#,##0.00",
    date: 'yyyy"年"m"月"d"日"',
    month: 'yy"年"m"月"',
    percent: "0.0%",
    ratio: "0.00",
    integer: "0",
  },
};
