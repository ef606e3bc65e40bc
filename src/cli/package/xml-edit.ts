/**
 * Edits of small XML parts that leave every other byte as it was: children inserted where the
 * schema orders them, elements removed or replaced by their exact character ranges.
 */
import { Token, XmlScanner } from "./xml";

export interface Element {
  readonly local: string;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly depth: number;
  readonly attrs: Map<string, string>;
}

/** Every element of a document with its range and depth (the root at 0). */
export function elementsOf(xml: string, startDepth = 0): { elements: Element[]; closes: Map<number, number> } {
  const scanner = new XmlScanner();
  scanner.feed(xml);
  scanner.finish();
  const elements: Element[] = [];
  const open: { index: number; attrs: Map<string, string> }[] = [];
  // Where each element's closing tag starts (by element index), to insert before it.
  const closes = new Map<number, number>();
  for (;;) {
    const token = scanner.next();
    if (token === Token.End) break;
    if (token === Token.Open) {
      const element = {
        local: scanner.local(),
        name: scanner.name,
        start: scanner.start,
        end: scanner.end,
        depth: startDepth + open.length,
        attrs: scanner.attributes(),
      };
      elements.push(element);
      if (!scanner.selfClosing) open.push({ index: elements.length - 1, attrs: element.attrs });
      else closes.set(elements.length - 1, scanner.start);
    } else if (token === Token.Close) {
      const top = open.pop();
      if (top) {
        (elements[top.index] as { end: number }).end = scanner.end;
        closes.set(top.index, scanner.start);
      }
    }
  }
  return { elements, closes };
}

export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function applySplices(xml: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let from = 0;
  for (const s of sorted) {
    out += xml.slice(from, s.start) + s.text;
    from = Math.max(from, s.end);
  }
  return out + xml.slice(from);
}

/** The namespace prefix ("x:" or "") of the document's root element, for the elements added to it. */
export function rootPrefix(xml: string): string {
  const { elements } = elementsOf(xml);
  const root = elements[0];
  return root ? root.name.slice(0, root.name.length - root.local.length) : "";
}

/**
 * An element's text with attributes set on its start tag: replaced where the tag has them,
 * added at its end where not; everything else as it was.
 */
export function withAttributes(element: string, attrs: Readonly<Record<string, string>>): string {
  const end = element.indexOf(">") + 1;
  let tag = element.slice(0, end);
  for (const [name, value] of Object.entries(attrs)) {
    const existing = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
    tag = existing.test(tag)
      ? tag.replace(existing, (_whole, before: string) => `${before}"${value}"`)
      : tag.replace(/\s*(\/?>)$/, (_whole, close: string) => ` ${name}="${value}"${close}`);
  }
  return tag + element.slice(end);
}

/** Inserts text just before the closing tag of the first element named `local` (expanding <x/> to <x>…</x>). */
export function insertInto(xml: string, local: string, text: string): string {
  const { elements, closes } = elementsOf(xml);
  const index = elements.findIndex((e) => e.local === local);
  if (index < 0) throw new Error(`no <${local}> to add to`);
  const element = elements[index];
  const tag = xml.slice(element.start, element.end);
  if (tag.endsWith("/>") && element.end - element.start === tag.length && closes.get(index) === element.start) {
    return applySplices(xml, [{ start: element.start, end: element.end, text: `${tag.slice(0, -2)}>${text}</${element.name}>` }]);
  }
  const at = closes.get(index)!;
  return applySplices(xml, [{ start: at, end: at, text }]);
}

/** Removes every element for which `drop` says so (with its content). */
export function removeElements(xml: string, drop: (element: Element) => boolean): string {
  const { elements } = elementsOf(xml);
  const splices: Splice[] = [];
  let covered = -1;
  for (const element of elements) {
    if (element.start < covered || !drop(element)) continue;
    splices.push({ start: element.start, end: element.end, text: "" });
    covered = element.end;
  }
  return splices.length ? applySplices(xml, splices) : xml;
}

/**
 * Children of a parent element kept in the schema's order: `order` lists the children's local
 * names as the schema sequences them. Returns where a new child named `local` goes among the
 * existing children (elements at `depth`): before the first that must follow it, else at `end`.
 */
export function orderedPosition(children: readonly Element[], order: readonly string[], local: string, end: number): number {
  const rank = order.indexOf(local);
  for (const child of children) {
    const childRank = order.indexOf(child.local);
    if (childRank > rank) return child.start;
  }
  return end;
}
