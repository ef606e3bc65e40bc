/**
 * Text from a workbook on its way to a terminal: control characters (an ESC from a cell's
 * _x001B_ escape would start a terminal control sequence) and bidirectional overrides are
 * shown as visible \u escapes instead of being sent raw.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

/** For plain text output: every unsafe character (tabs and newlines kept) as \uXXXX. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** For JSON output: JSON.stringify leaves C1 controls and bidi overrides raw; this escapes them too, still valid JSON. */
export function safeJson(json: string): string {
  return json.replace(UNSAFE, escape);
}
