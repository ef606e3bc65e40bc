/** Reading the printed report (toTable) as a user reads it: a count on its label's line, what it counts under it. */
import { labelled } from "../../src/engine/review/texts";
import type { Lang } from "../../src/engine/i18n";

/**
 * The count a label's line gives and the lines listed under it, indented (the report's lists: one
 * customer a line). Fails the test when no line carries the label.
 */
export function printedList(printed: string, label: string, lang: Lang): { count: string; items: string[] } {
  const lines = printed.split("\n");
  const prefix = labelled(label, "", lang);
  const at = lines.findIndex((line) => line.startsWith(prefix));
  if (at < 0) throw new Error(`no line of the printed report starts with "${prefix}"`);
  const items: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (!line.startsWith(" ")) break;
    items.push(line.trim());
  }
  return { count: lines[at].slice(prefix.length), items };
}
