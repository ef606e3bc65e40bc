/**
 * What a cell shows, for a column the review reads as text (the team's responses): Excel turns a
 * response typed as 2026-12-15, 50% or TRUE into a number or a boolean, and the number alone
 * ("46371") is not what anyone typed. The faces hand over the cell's number format with its value;
 * the same reading here serves both, so a response reads alike in the pane and the command line.
 */
import { isoFromSerial } from "./cells";
import { isDateFormat } from "./date-system";

/** The format code without its quoted texts, escapes and bracketed sections (colours, conditions, locales). */
function bareFormat(code: string): string {
  return code
    .replace(/"[^"]*"/g, "")
    .replace(/\\.|_.|\*./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

/** Excel's words for a boolean, whatever the display language of this review's texts. */
export function booleanText(value: boolean): string {
  return value ? "TRUE" : "FALSE";
}

/**
 * A number as its format shows it, in the plain forms a response can take: a date (or date and
 * time) as year-month-day, a percentage with the format's decimals, anything else as the number.
 * `code` is the cell's number format code (General, or undefined, for none).
 */
export function shownNumber(value: number, code: string | undefined): string {
  if (!Number.isFinite(value) || code === undefined) return String(value);
  // The first section is the one a positive number (and a date) is shown with.
  const section = bareFormat(code.split(";")[0] ?? "");
  if (isDateFormat(code) && value >= 1 && value < 2958466) {
    const day = Math.floor(value);
    const minutes = Math.round((value - day) * 24 * 60);
    if (!/[hs]/i.test(section) || minutes === 0 || minutes === 24 * 60) return isoFromSerial(minutes === 24 * 60 ? day + 1 : day);
    const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    return `${isoFromSerial(day)} ${time}`;
  }
  if (section.includes("%")) {
    const decimals = /\.([0#?]+)/.exec(section)?.[1].length ?? 0;
    return `${(value * 100).toFixed(decimals)}%`;
  }
  return String(value);
}
