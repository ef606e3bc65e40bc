/** The shared strings part, read as a stream into one string per entry (rich text runs joined, phonetic guides left out). */
import { Token, unescapeCellText, XmlScanner } from "./xml";
import { ZipEntry, ZipReader } from "./zip-reader";

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
