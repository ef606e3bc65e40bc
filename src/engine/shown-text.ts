/**
 * What a cell shows, for a column the review reads as text (the team's responses): Excel turns a
 * response typed as 2026-12-15, 50% or TRUE into a number or a boolean, and the number alone
 * ("46371") is not what anyone typed. The faces hand over the cell's number format with its value;
 * the same reading here serves both, so a response reads alike in the pane and the command line.
 */
import { isoFromSerial } from "./cells";
import { isDateFormat, withoutLiterals } from "./date-system";

/** The format code without its quoted texts, escapes and bracketed sections (colours, conditions, locales). */
function bareFormat(code: string): string {
  return withoutLiterals(code).replace(/\[[^\]]*\]/g, "");
}

/** Excel's words for a boolean, whatever the display language of this review's texts. */
export function booleanText(value: boolean): string {
  return value ? "TRUE" : "FALSE";
}

/**
 * A number as its format shows it, in the plain forms a response can take: a date (or date and
 * time) as year-month-day and 24-hour time, a time of day alone as hours and minutes, a
 * percentage or a number with the format's decimals and thousands separators, a negative one in
 * brackets where the format's negative section has them; a form this does not read (fractions,
 * exponents, General) as the number. `code` is the cell's number format code (General, or
 * undefined, for none).
 */
export function shownNumber(value: number, code: string | undefined): string {
  if (!Number.isFinite(value) || code === undefined) return String(value);
  const sections = code.split(";");
  if (isDateFormat(code)) return dateTimeText(value, code, bareFormat(sections[0] ?? "")) ?? String(value);
  // A negative number is shown by the second section when there is one, without its sign (the section writes its own).
  const bySecond = value < 0 && sections.length > 1;
  const section = bareFormat(sections[bySecond ? 1 : 0] ?? "");
  if (!/[0#?]/.test(section) || /[/eE]/.test(section)) return String(value);
  const percent = section.includes("%");
  const decimals = /\.([0#?]+)/.exec(section)?.[1].length ?? 0;
  // Commas after the last digit place scale by a thousand each (#,##0.0,, shows millions).
  const thousands = /[0#?](,+)[^0#?]*$/.exec(section)?.[1].length ?? 0;
  const shown = (percent ? value * 100 : value) / 1000 ** thousands;
  const digits = fixed(Math.abs(shown), decimals, /[0#?],[0#?]/.test(section));
  const figure = `${digits}${percent ? "%" : ""}`;
  if (!bySecond) return value < 0 && /[1-9]/.test(digits) ? `-${figure}` : figure;
  const sign = section.includes("-") ? "-" : "";
  return section.includes("(") ? `(${sign}${figure})` : `${sign}${figure}`;
}

/** Digits of a number at so many decimals, rounded as Excel rounds the 15 digits it keeps (0.145 in 0% is 15%, not 14%). */
function fixed(value: number, decimals: number, grouped: boolean): string {
  const kept = Number(value.toPrecision(15));
  const rounded = Number(`${Math.round(Number(`${kept}e${decimals}`))}e-${decimals}`);
  const [whole, fraction] = (Number.isFinite(rounded) ? rounded : kept).toFixed(decimals).split(".");
  const wholeShown = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : whole;
  return fraction ? `${wholeShown}.${fraction}` : wholeShown;
}

const SECONDS_A_DAY = 24 * 60 * 60;

/**
 * A date-formatted number as a date (year-month-day), a date and time, a time of day alone, or an
 * elapsed time ([h]:mm) in hours; undefined for a number no date can be. Times are shown to the
 * minute, or the second where the format shows seconds, cut as Excel cuts them (23:59:50 at
 * minutes is 23:59), after rounding to the second.
 */
function dateTimeText(value: number, code: string, section: string): string | undefined {
  const elapsed = /\[h+\]/i.test(code);
  const withTime = elapsed || /[hs]/i.test(section);
  // A format of months alone (mmmm) shows a date too.
  const withDate = !elapsed && (/[yd]/i.test(section) || !withTime);
  if (value < 0 || value >= 2958466 || (withDate && value < 1)) return undefined;
  let day = Math.floor(value);
  let seconds = Math.round((value - day) * SECONDS_A_DAY);
  if (seconds === SECONDS_A_DAY) {
    day += 1;
    seconds = 0;
  }
  const hours = elapsed ? day * 24 + Math.floor(seconds / 3600) : Math.floor(seconds / 3600);
  const two = (n: number) => String(n).padStart(2, "0");
  const minutes = two(Math.floor(seconds / 60) % 60);
  const withSeconds = /s/i.test(section);
  // Minutes and seconds alone (mm:ss) without their hour, as the format shows them.
  const time =
    !elapsed && !/h/i.test(section) && withSeconds
      ? `${minutes}:${two(seconds % 60)}`
      : `${two(hours)}:${minutes}${withSeconds ? `:${two(seconds % 60)}` : ""}`;
  if (!withDate) return time;
  // A date at midnight is the date alone, whatever the format adds.
  return withTime && seconds !== 0 ? `${isoFromSerial(day)} ${time}` : isoFromSerial(day);
}

/**
 * Whether a response read now is the one a review archived. A number or boolean was archived as
 * its bare value before responses were read as their cells show them ("46371" for 2026-12-15,
 * "0.5" for 50%, "true" for TRUE): such a text is the same response when the number, shown in the
 * form the response now has, reads as it does, so a workbook reviewed before reads no response as new.
 */
export function sameResponse(archived: string | undefined, now: string | undefined): boolean {
  if (archived === now) return true;
  if (archived === undefined || now === undefined) return false;
  if (archived === "true" || archived === "false") return now === booleanText(archived === "true");
  // A date-time read before to the minute, or without its time (Excel's built-in date and time, 22).
  if (ISO_DATE_TIME.test(now) && (now.startsWith(`${archived} `) || now.startsWith(`${archived}:`)))
    return ISO_DATE_OR_TIME.test(archived);
  if (!BARE_NUMBER.test(archived)) return false;
  // A number shown as a plain number is General's bare value, or the same number with its format's
  // decimals: 3 read as "3.00"; a number it only rounds to is another response (2.5 is not "3").
  if (BARE_NUMBER.test(now)) return Number(now) === Number(archived);
  const code = formatShowing(now);
  return code !== undefined && shownNumber(Number(archived), code) === now;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/;
const ISO_DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/;

/** How String() writes a number. */
const BARE_NUMBER = /^-?\d+(\.\d+)?(e[-+]\d+)?$/;

/** A format code shownNumber shows a number with in the form of `shown` (a date, a time, a grouped or bracketed figure, a percentage). */
function formatShowing(shown: string): string | undefined {
  const dated = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.exec(shown);
  if (dated) return `yyyy-mm-dd${dated[1] ? ` hh:mm${dated[2] ? ":ss" : ""}` : ""}`;
  const time = /^(\d{2,}):\d{2}(:\d{2})?$/.exec(shown);
  if (time) return `${Number(time[1]) > 23 ? "[h]" : "hh"}:mm${time[2] ? ":ss" : ""}`;
  const figure = /^(\()?(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%)?\)?$/.exec(shown);
  if (!figure) return undefined;
  const [, bracket, , whole, fraction, percent] = figure;
  const code = `${whole.includes(",") ? "#,##0" : "0"}${fraction ? `.${"0".repeat(fraction.length)}` : ""}${percent ?? ""}`;
  return bracket ? `${code};(${code})` : code;
}
