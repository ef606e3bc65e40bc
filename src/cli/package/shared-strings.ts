/** The shared strings part, read as a stream into one string per entry (rich text runs joined, phonetic guides left out). */
import { ownString, Token, unescapeCellText, XmlScanner } from "./xml";
import { ZipEntry, ZipReader } from "./zip-reader";

/** An entry of one plain run: no entities, no rich text, no phonetic guide. */
const PLAIN_ITEM = /<si><t(?: xml:space="preserve")?>([^<&]*)<\/t><\/si>/y;

export async function readSharedStrings(zip: ZipReader, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  const scanner = new XmlScanner();
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let text = "";
  const scan = () => {
    for (;;) {
      // The common entry, <si><t>plain text</t></si>, in one step.
      if (!inItem && scanner.buf.startsWith("<si><t", scanner.pos)) {
        PLAIN_ITEM.lastIndex = scanner.pos;
        const m = PLAIN_ITEM.exec(scanner.buf);
        if (m) {
          strings.push(m[1].indexOf("_x") < 0 ? ownString(m[1]) : unescapeCellText(m[1]));
          scanner.pos = scanner.mark = PLAIN_ITEM.lastIndex;
          continue;
        }
      }
      const token = scanner.next();
      if (token === Token.NeedMore || token === Token.End) break;
      if (token === Token.Open) {
        const local = scanner.local();
        if (local === "si") {
          inItem = true;
          text = "";
          if (scanner.selfClosing) {
            strings.push("");
            inItem = false;
          }
        } else if (local === "rPh") phonetic += scanner.selfClosing ? 0 : 1;
        else if (local === "t" && inItem && !phonetic) inText = !scanner.selfClosing;
      } else if (token === Token.Close) {
        const local = scanner.local();
        if (local === "si") {
          strings.push(unescapeCellText(text));
          inItem = false;
        } else if (local === "rPh") phonetic--;
        else if (local === "t") inText = false;
      } else if (token === Token.Text && inText) text += scanner.text();
      scanner.mark = scanner.pos;
    }
  };
  await zip.readText(entry, (chunk) => {
    scanner.feed(chunk);
    scan();
  });
  scanner.finish();
  scan();
  return strings;
}
