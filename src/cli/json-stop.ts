/**
 * Where a JSON text stops being JSON, and why, in terms a message can say in any language: the
 * parser's own message is English, its wording differs between node versions and some of its
 * messages give no position at all ("Unexpected token '}', "…" is not valid JSON"). This reads the
 * text by the JSON grammar (RFC 8259) up to its first fault. Without recursion: a file of 100,000
 * opening brackets is told where it ends, not a stack overflow.
 */

export type JsonFault =
  /** The text ends where more was needed (an empty file, a bracket or a string left open). */
  | "end"
  /** A character that cannot stand where it is (a trailing comma's bracket, a single quote, a word). */
  | "unexpected"
  /** A line break or another control character inside a string. */
  | "control";

export interface JsonStop {
  readonly fault: JsonFault;
  /** 1-based line and column (in characters) of the fault, as an editor counts them. */
  readonly line: number;
  readonly column: number;
  /** What was found there: a word whole ("tru", "True", an unquoted key), else its character; undefined at the end. */
  readonly found?: string;
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";
const isHex = (ch: string | undefined) => ch !== undefined && /^[0-9a-fA-F]$/.test(ch);
/** A word as a reader sees one (at most as long as a message should quote). */
const WORD = /^[\p{L}\p{N}_$]{1,24}/u;
const LITERALS = new Set(["true", "false", "null"]);

class Stopped {
  constructor(
    readonly fault: JsonFault,
    readonly at: number,
  ) {}
}

/** The first fault of a text that is not JSON; undefined when it is JSON. */
export function jsonStop(text: string): JsonStop | undefined {
  let i = 0;
  const stop = (fault: JsonFault, at = i) => new Stopped(text.length <= at && fault === "unexpected" ? "end" : fault, at);
  const skipSpace = () => {
    while (i < text.length && WHITESPACE.has(text[i])) i++;
  };
  /** The next character, after whitespace, must be `ch`. */
  const expect = (ch: string) => {
    skipSpace();
    if (text[i] !== ch) throw stop("unexpected");
    i++;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) throw stop("end");
      const ch = text[i];
      if (ch === '"') return void i++;
      if (ch < " ") throw stop("control");
      if (ch === "\\") {
        i++;
        if (text[i] === "u") {
          for (let k = 1; k <= 4; k++) if (!isHex(text[i + k])) throw stop("unexpected", i + k);
          i += 5;
        } else if (ESCAPES.has(text[i])) i++;
        else throw stop("unexpected");
      } else i++;
    }
  };
  const digits = () => {
    if (!isDigit(text[i])) throw stop("unexpected");
    while (isDigit(text[i])) i++;
  };
  const number = () => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else digits();
    if (text[i] === ".") {
      i++;
      digits();
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      digits();
    }
  };
  /** An object's key and its colon, from the key's opening quote. */
  const key = () => {
    skipSpace();
    if (text[i] !== '"') throw stop("unexpected");
    string();
    expect(":");
  };
  try {
    // The containers open around the value being read: "}" or "]" each.
    const open: string[] = [];
    for (;;) {
      skipSpace();
      const ch = text[i];
      if (ch === "{" || ch === "[") {
        i++;
        skipSpace();
        const close = ch === "{" ? "}" : "]";
        if (text[i] === close) i++;
        else {
          open.push(close);
          if (close === "}") key();
          continue;
        }
      } else if (ch === '"') string();
      else if (ch === "-" || isDigit(ch)) number();
      else if (ch !== undefined && /[\p{L}_$]/u.test(ch)) {
        // true, false or null, else the word is the fault as a whole (from its start): "tru", "True", "yes".
        const word = WORD.exec(text.slice(i, i + 25))![0];
        if (!LITERALS.has(word)) throw stop("unexpected");
        i += word.length;
      } else throw stop("unexpected");
      // A value read: close what it ends, or go on to the next one after a comma.
      for (;;) {
        skipSpace();
        const close = open[open.length - 1];
        if (close === undefined) {
          if (i < text.length) throw new Stopped("unexpected", i);
          return undefined;
        }
        if (text[i] === close) {
          open.pop();
          i++;
          continue;
        }
        if (text[i] !== ",") throw stop("unexpected");
        i++;
        if (close === "}") key();
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof Stopped)) throw error;
    const before = text.slice(0, error.at).split("\n");
    const found =
      error.at < text.length
        ? (WORD.exec(text.slice(error.at, error.at + 25))?.[0] ?? String.fromCodePoint(text.codePointAt(error.at)!))
        : undefined;
    return { fault: error.fault, line: before.length, column: [...before[before.length - 1]].length + 1, found };
  }
}
