/**
 * Offline checks of manifest.xml (`office-addin-manifest validate` needs the network):
 * the basics through office-addin-manifest and the VersionOverrides part by parsing the XML.
 * That every file it points at is built: test/built/manifest-files.test.ts.
 */
import { readFileSync } from "fs";
import { join, resolve } from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { OfficeAddinManifest } from "office-addin-manifest";

const ROOT = resolve(__dirname, "../..");
const MANIFEST = join(ROOT, "manifest.xml");
const DEV_URL = "https://localhost:3000/";

type XmlNode = { [key: string]: unknown };

const xml = readFileSync(MANIFEST, "utf8");
const tree = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  alwaysCreateTextNode: true,
  isArray: (name) => !name.startsWith("@_"),
}).parse(xml) as XmlNode;

/** Every element, depth first, with its tag name. */
function elements(node: unknown, name = "", out: Array<{ name: string; node: XmlNode }> = []) {
  if (Array.isArray(node)) {
    for (const item of node) elements(item, name, out);
  } else if (node !== null && typeof node === "object") {
    out.push({ name, node: node as XmlNode });
    for (const [key, child] of Object.entries(node)) {
      if (!key.startsWith("@_") && key !== "#text") elements(child, key, out);
    }
  }
  return out;
}

const all = elements(tree);
const attr = (node: XmlNode, name: string) => node[`@_${name}`] as string | undefined;
const text = (node: XmlNode) => String(node["#text"] ?? "").trim();
const named = (name: string) => all.filter((e) => e.name === name).map((e) => e.node);

/** Resources: id → DefaultValue, over bt:Images, bt:Urls, bt:ShortStrings and bt:LongStrings. */
const resources = new Map<string, { kind: string; value: string }>();
for (const kind of ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]) {
  for (const group of named(kind)) {
    for (const e of elements(group).filter((x) => ["bt:Image", "bt:Url", "bt:String"].includes(x.name))) {
      const id = attr(e.node, "id");
      if (id) resources.set(id, { kind, value: attr(e.node, "DefaultValue") ?? "" });
    }
  }
}
const resids = all.map((e) => attr(e.node, "resid")).filter((r): r is string => r !== undefined);
const resource = (id: string) => resources.get(id)?.value;

/** The single child element `name` of `node`. */
function child1(node: XmlNode, name: string): XmlNode {
  const children = (node[name] as XmlNode[] | undefined) ?? [];
  if (children.length !== 1) throw new Error(`<${name}>: expected 1 element, found ${children.length}`);
  return children[0];
}

describe("manifest.xml", () => {
  test("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  test("basics read by office-addin-manifest", async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.version).toBe("1.0.0.0");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.displayName).toBe("Credit Risk");
    expect(info.defaultLocale).toBe("en-US");
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.permissions).toBe("ReadWriteDocument");
  });

  test("Permissions is exactly ReadWriteDocument", () => {
    const permissions = named("Permissions");
    expect(permissions).toHaveLength(1);
    expect(text(permissions[0])).toBe("ReadWriteDocument");
  });

  test("requires SharedRuntime 1.1", () => {
    const sets = named("Set").map((s) => [attr(s, "Name"), attr(s, "MinVersion")]);
    expect(sets).toContainEqual(["SharedRuntime", "1.1"]);
  });

  test("every resid resolves to a resource, and every resource is used", () => {
    expect(resids.length).toBeGreaterThan(0);
    const missing = [...new Set(resids)].filter((id) => !resources.has(id));
    expect(missing).toEqual([]);
    const unused = [...resources.keys()].filter((id) => !resids.includes(id));
    expect(unused).toEqual([]);
  });

  test("resource strings fit Office's limits (short 125, long 250)", () => {
    for (const e of all.filter((x) => x.name === "bt:String" || x.name === "bt:Override")) {
      const value = attr(e.node, "DefaultValue") ?? attr(e.node, "Value") ?? "";
      expect(value.length).toBeLessThanOrEqual(250);
    }
    const longShort = [...resources].filter(([, r]) => r.kind === "bt:ShortStrings" && r.value.length > 125).map(([id]) => id);
    expect(longShort).toEqual([]);
  });

  test("shared runtime: one long-lived Runtime on the task-pane page", () => {
    const runtimes = named("Runtime");
    expect(runtimes).toHaveLength(1);
    expect(attr(runtimes[0], "lifetime")).toBe("long");
    expect(attr(runtimes[0], "resid")).toBe("Taskpane.Url");
  });

  test("custom functions: namespace CREDIT, script, page and metadata URLs", () => {
    const cf = all.find((e) => e.name === "ExtensionPoint" && attr(e.node, "xsi:type") === "CustomFunctions");
    expect(cf).toBeDefined();
    const point = cf!.node;
    const source = (child: string) => attr(child1(child1(point, child), "SourceLocation"), "resid")!;
    expect(resource(attr(child1(point, "Namespace"), "resid")!)).toBe("CREDIT");
    expect(resource(source("Script"))).toBe(`${DEV_URL}functions.js`);
    expect(resource(source("Page"))).toBe(`${DEV_URL}taskpane.html`);
    expect(resource(source("Metadata"))).toBe(`${DEV_URL}functions.json`);
  });

  test("Home tab button shows the task pane", () => {
    const tab = named("OfficeTab");
    expect(tab.map((t) => attr(t, "id"))).toEqual(["TabHome"]);
    const buttons = all.filter((e) => e.name === "Control" && attr(e.node, "xsi:type") === "Button").map((e) => e.node);
    expect(buttons).toHaveLength(1);
    expect(resource(attr(child1(buttons[0], "Label"), "resid")!)).toBe("Credit Review");
    const action = child1(buttons[0], "Action");
    expect(attr(action, "xsi:type")).toBe("ShowTaskpane");
    expect(text(child1(action, "TaskpaneId"))).toBe("ButtonId1");
    expect(attr(child1(action, "SourceLocation"), "resid")).toBe("Taskpane.Url");
    const groups = named("Group");
    expect(groups).toHaveLength(1);
    expect(resource(attr(child1(groups[0], "Label"), "resid")!)).toBe("Credit Risk");
  });

  test("every URL is https", () => {
    const urls: string[] = [];
    const looksLikeUrl = (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && /:\/\//.test(value);
    for (const { node } of all) {
      for (const [key, value] of Object.entries(node)) {
        if (key.startsWith("@_xmlns")) continue; // namespace names, never fetched
        if (key.startsWith("@_") && typeof value === "string" && looksLikeUrl(value)) urls.push(value);
      }
      if (looksLikeUrl(text(node))) urls.push(text(node));
    }
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
  });
});

test("Traditional-Chinese Office (zh-TW, zh-HK) gets every Chinese override, as the pane and the functions' messages read zh* as Chinese", () => {
  // Without them the function wizard showed English parameter names beside Chinese error messages.
  const overrides = all.filter((e) => e.name === "Override" || e.name === "bt:Override");
  const byLocale = (locale: string) =>
    overrides.filter((e) => attr(e.node, "Locale") === locale).map((e) => attr(e.node, "Value"));
  const simplified = byLocale("zh-CN");
  expect(simplified.length).toBeGreaterThanOrEqual(8);
  expect(simplified).toContain("https://localhost:3000/functions.zh-CN.json");
  expect(byLocale("zh-TW")).toEqual(simplified);
  expect(byLocale("zh-HK")).toEqual(simplified);
});
