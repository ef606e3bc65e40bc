/**
 * Where a policy file stops being JSON: the grammar read up to its first fault agrees with node's
 * parser on what is JSON and, where the parser says a position, on where; and it says the line,
 * the column and the character as an editor shows them.
 */
import { jsonStop } from "../../../src/cli/json-stop";

const TEXTS = [
  '{"a": 1}',
  ' [1, -2.5e+3, 0, true, false, null, "x\\n\\u00e9", {}, []] ',
  '{"a":1,}',
  '{"a":1',
  '{"a": "x\ny"}',
  "{a:1}",
  "{'a': 1}",
  '{"a":1}}',
  '{"a": tru}',
  '{"a": nul}',
  "[1 2]",
  '{"a":1 "b":2}',
  "[01]",
  "[1.]",
  "[-]",
  "[1e]",
  '["\\x"]',
  '["\\u12G4"]',
  '["abc',
  "[",
  "",
  "   ",
  '{"a" 1}',
  "[1,]",
  "[,1]",
  '{"a":[1,{"b":[2,3}]}',
  "\u00a0{}",
  "{} x",
];

describe("the first fault of a text that is not JSON", () => {
  test.each(TEXTS)("agrees with JSON.parse: %j", (text) => {
    let position: number | undefined;
    let valid = true;
    try {
      JSON.parse(text);
    } catch (error) {
      valid = false;
      const at = /at position (\d+)/.exec((error as Error).message)?.[1];
      if (at !== undefined) position = Number(at);
      else if (/end of JSON input/.test((error as Error).message)) position = text.length;
    }
    const stop = jsonStop(text);
    expect(stop === undefined).toBe(valid);
    if (position !== undefined) {
      const before = text.slice(0, position).split("\n");
      expect(stop).toMatchObject({ line: before.length, column: before[before.length - 1].length + 1 });
    }
  });

  test("a trailing comma: the bracket after it, on its own line, is found where an editor shows it", () => {
    expect(jsonStop('{\n  "highRiskScore": 3.5,\n}\n')).toEqual({ fault: "unexpected", line: 3, column: 1, found: "}" });
  });

  test("a word that is not true, false or null is found whole, where node's parser names no position", () => {
    expect(jsonStop('{\n  "x": tru}')).toEqual({ fault: "unexpected", line: 2, column: 8, found: "tru" });
    expect(jsonStop('{"x": True}')).toEqual({ fault: "unexpected", line: 1, column: 7, found: "True" });
    expect(jsonStop("{x: 1}")).toEqual({ fault: "unexpected", line: 1, column: 2, found: "x" });
    expect(jsonStop("{'a': 1}")).toEqual({ fault: "unexpected", line: 1, column: 2, found: "'" });
    expect(jsonStop(`[${"y".repeat(100)}]`)).toMatchObject({ column: 2, found: "y".repeat(24) });
  });

  test("an end too early, and a line break inside quotes, are told as such", () => {
    expect(jsonStop('{"a": [1, 2')).toEqual({ fault: "end", line: 1, column: 12, found: undefined });
    expect(jsonStop('{"a": "x\ny"}')).toEqual({ fault: "control", line: 1, column: 9, found: "\n" });
  });

  test("columns count characters, not bytes or UTF-16 units", () => {
    expect(jsonStop('{"名称😀": x}')).toMatchObject({ line: 1, column: 9, found: "x" });
  });

  test("100,000 opening brackets end the text without overflowing the stack", () => {
    expect(jsonStop("[".repeat(100_000))).toEqual({ fault: "end", line: 1, column: 100_001, found: undefined });
    expect(jsonStop(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)).toBeUndefined();
  });
});
