/*
 * A test host for the built task pane: served by test/e2e/run.js as the body of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js, so the shipped taskpane.html
 * loads it exactly where it would load Office's script. Never part of dist/.
 *
 * It provides:
 *   Office        onReady (resolves with { host: "Excel" }), context (displayLanguage from the
 *                 scenario, requirements.isSetSupported → true, document.settings in memory),
 *                 HostType, PlatformType, AsyncResultStatus.
 *   CustomFunctions  associate (ids → functions, kept in window.__customFunctions), Error and
 *                 ErrorCode with Excel's real code strings.
 *   Excel         Excel.run over an in-memory workbook, with the part of the Excel JavaScript API
 *                 that src/taskpane/excel/ uses, and Office.js's rules:
 *                 - a property read before load() + context.sync() throws PropertyNotLoaded
 *                   (isNullObject too, until a sync has resolved the object);
 *                 - every call and property write is queued and applied at context.sync(), in
 *                   order; objects (getItem, add, used ranges) are resolved at their place in the
 *                   queue, so an object obtained before a sheet was deleted points at the deleted one;
 *                 - a failing operation rejects the sync with an OfficeExtension.Error-like error
 *                   (code ItemNotFound, AccessDenied, InvalidArgument, ItemAlreadyExists); the
 *                   operations before it in the batch stay applied (batches are not transactions),
 *                   the loads of a failed batch are not filled;
 *                 - writes to a protected sheet fail with AccessDenied;
 *                 - values: a 2-D array must match the range (a single value fills it), null leaves
 *                   a cell alone, "" empties it; where the cell's number format is not text ("@"), a
 *                   string starting with "=" becomes a formula and a plain number string a number,
 *                   as when typed in Excel.
 *                 - functions.date (the date system: `workbook.date1904` in the scenario);
 *                 - tables (ListObjects: worksheet.tables, Range.getTables, Table.getRange, columns,
 *                   resize): a table's columns are named by its header cells, kept in step as Excel
 *                   does: a header cell written or cleared renames its column ("" → "Column{n}" by
 *                   position, a name taken → "Name2"), and the cell then holds that name as text.
 *
 * The scenario sets window.__E2E_CONFIG (page.addInitScript) before this runs:
 *   { displayLanguage: "en-US", workbook: { active, sheets: [{ name, values (2-D from A1), protected,
 *     tables: [{ name, ref: "A1:F13", showTotals?, showHeaders? }] }] },
 *     officeTheme: "Colorful" | "White" | "DarkGray" | "Black",
 *     calculation: { mode: "Manual", state: "Pending", after: { Sheet: { B3: 15000 } } } }
 * `calculation` is what application.calculationMode and calculationState read (Automatic and Done
 * by default); application.calculate() makes the state Done and puts `after`'s values in their
 * cells (the host holds values, not formulas: they are what the formulas come to).
 * Office.context.officeTheme then has Office's properties (themeId, isDarkTheme and the four
 * body/control colours as "#RRGGBB"); the colours are close to Office's, not copied from it.
 * and reads the workbook back with window.__workbook.snapshot() (plain JSON, for deep comparison).
 * window.__workbook.hold() / step() / release() keep syncs in flight (a slow round trip), so a
 * scenario can press Cancel while a given request is under way, without depending on timing.
 */
(function () {
  "use strict";
  const config = window.__E2E_CONFIG || {};
  const MAX_ROWS = 1048576;
  const MAX_COLUMNS = 16384;

  // ---- errors ----------------------------------------------------------------------------

  class OfficeError extends Error {
    constructor(code, message, location) {
      super(message);
      this.name = "RichApi.Error";
      this.code = code;
      this.debugInfo = { code, message, errorLocation: location || "" };
    }
  }
  const fail = (code, message, location) => {
    throw new OfficeError(code, message, location);
  };
  const notLoaded = (property) =>
    fail(
      "PropertyNotLoaded",
      `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );

  // ---- the workbook ----------------------------------------------------------------------

  const key = (r, c) => `${r},${c}`;
  function letters(index) {
    let n = index + 1;
    let s = "";
    while (n > 0) {
      const rem = (n - 1) % 26;
      s = String.fromCharCode(65 + rem) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  function a1(area) {
    const start = `${letters(area.column)}${area.row + 1}`;
    if (area.rows === 1 && area.columns === 1) return start;
    return `${start}:${letters(area.column + area.columns - 1)}${area.row + area.rows}`;
  }
  function quoted(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  }
  function parseA1(text) {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(text);
    if (!m) fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${text}`);
    const col = (s) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const r1 = Number(m[2]) - 1;
    const c1 = col(m[1]);
    const r2 = m[4] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? col(m[3]) : c1;
    return { row: Math.min(r1, r2), column: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
  }
  /** A header cell's text: numbers and booleans as Excel shows them, "" for blank. */
  function headerText(v) {
    if (v === undefined || v === null) return "";
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return String(v);
  }
  /** `taken`: the other columns' names, lower-cased. */
  function uniqueColumnName(text, position, taken) {
    const base = text === "" ? `Column${position + 1}` : text;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
    return name;
  }
  const overlaps = (a, b) =>
    a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;

  class Sheet {
    constructor(name) {
      this.name = name;
      this.values = new Map(); // "r,c" → string | number | boolean (never "")
      this.formulas = new Map(); // "r,c" → "=…"
      this.formats = new Map(); // "r,c" → number format
      this.bold = new Map(); // "r,c" → boolean
      this.fills = new Map(); // "r,c" → colour
      this.widths = new Map(); // column → points
      this.hiddenColumns = new Set(); // columns hidden
      this.conditional = []; // { area, type, formula, color }
      this.charts = []; // { type, source, seriesBy, title, legendVisible, seriesName, categories, position, dataLabels, dataLabelFormat, valueAxis }
      this.wrapped = new Set(); // "r,c" whose text wraps
      this.indented = new Map(); // "r,c" → indent level
      this.horizontal = new Map(); // "r,c" → horizontal alignment
      this.frozenRows = 0;
      this.autoFilter = undefined; // its address, when the sheet has one
      this.tables = []; // { name, sheet, area (header and totals rows included), showHeaders, showTotals, columns: names }
      this.print = {}; // { orientation, zoom, titleRows, titleColumns, area }
      this.pages = {}; // the header and footer on every page: { state, centerHeader, centerFooter, … }, "" where none
      this.standardHeight = 15; // Excel's default row height at Calibri 11, in points
      this.standardWidth = 8.43; // Excel's default column width at Calibri 11, in characters (48 points)
      this.heights = new Map(); // row → its own height in points (a row not here is the standard height)
      this.protected = false;
      this.deleted = false;
    }
    used(valuesOnly) {
      let top = Infinity;
      let bottom = -1;
      let left = Infinity;
      let right = -1;
      const maps = valuesOnly ? [this.values] : [this.values, this.formats, this.bold, this.fills];
      for (const map of maps)
        for (const k of map.keys()) {
          const [r, c] = k.split(",").map(Number);
          top = Math.min(top, r);
          bottom = Math.max(bottom, r);
          left = Math.min(left, c);
          right = Math.max(right, c);
        }
      return bottom < 0 ? undefined : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
    }
    grid(area, map, blank) {
      const out = [];
      for (let r = 0; r < area.rows; r++) {
        const line = [];
        for (let c = 0; c < area.columns; c++) {
          const v = map.get(key(area.row + r, area.column + c));
          line.push(v === undefined ? blank(area.row + r, area.column + c) : v);
        }
        out.push(line);
      }
      return out;
    }
    setValue(r, c, v, asFormula) {
      const k = key(r, c);
      if (v === null || v === undefined) return;
      this.formulas.delete(k);
      if (v === "") {
        this.values.delete(k);
        return;
      }
      if (typeof v === "string" && (this.formats.get(k) ?? "General") !== "@") {
        if (v.startsWith("=") && v.length > 1) {
          this.formulas.set(k, v);
          this.values.set(k, v); // no calculation engine: the formula text stands in for its result
          return;
        }
        if (!asFormula && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v.trim())) {
          this.values.set(k, Number(v));
          return;
        }
      }
      this.values.set(k, v);
    }
    /**
     * Names a table's columns (0-based positions) from their header cells as Excel does: a blank
     * cell is "Column{n}" by its 1-based position, a name another column has (case-insensitive)
     * gets 2, 3… appended; the header cell then holds the name, as text (a table's headers are text).
     */
    nameColumns(table, positions) {
      const taken = new Set(table.columns.filter((_, i) => !positions.includes(i)).map((n) => n.toLowerCase()));
      for (const i of positions) {
        const k = key(table.area.row, table.area.column + i);
        const name = uniqueColumnName(table.showHeaders ? headerText(this.values.get(k)) : "", i, taken);
        table.columns[i] = name;
        taken.add(name.toLowerCase());
        if (!table.showHeaders) continue;
        this.values.set(k, name);
        this.formulas.delete(k);
      }
    }
    /** After cells of `area` were written (`written(r, c)` for the ones that changed): the tables' headers among them rename their columns. */
    headersWritten(area, written) {
      for (const table of this.tables) {
        const row = table.area.row;
        if (!table.showHeaders || row < area.row || row >= area.row + area.rows) continue;
        const positions = [];
        for (let i = 0; i < table.columns.length; i++) {
          const c = table.area.column + i;
          if (c >= area.column && c < area.column + area.columns && written(row, c)) positions.push(i);
        }
        if (positions.length) this.nameColumns(table, positions);
      }
    }
    clear(area, what) {
      const all = what === undefined || what === "All";
      const inside = (k) => {
        const [r, c] = k.split(",").map(Number);
        return r >= area.row && r < area.row + area.rows && c >= area.column && c < area.column + area.columns;
      };
      const drop = (map) => [...map.keys()].filter(inside).forEach((k) => map.delete(k));
      if (all || what === "Contents") {
        drop(this.values);
        drop(this.formulas);
        this.headersWritten(area, () => true);
      }
      if (all || what === "Formats") {
        drop(this.formats);
        drop(this.bold);
        drop(this.fills);
        [...this.wrapped].filter(inside).forEach((k) => this.wrapped.delete(k));
        drop(this.indented);
        drop(this.horizontal);
        this.conditional = this.conditional.filter((f) => !overlaps(f.area, area));
      }
    }
  }

  const book = {
    sheets: [],
    active: undefined,
    selection: undefined,
    settings: {},
    log: [], // the operations of the last syncs (first 40 each), for debugging a scenario
    stats: {
      runs: 0,
      syncs: 0,
      failedSyncs: 0,
      operations: 0,
      maxOperationsPerSync: 0,
      suspendCalls: 0,
      settingsSaves: 0,
      refusedRequests: 0,
      refusedResponses: 0,
      largestRequest: 0,
      largestResponse: 0,
    },
    /** Excel on the web's payload limit (5 MB there), smaller in a scenario; none by default, like desktop Excel. */
    payloadLimit: config.payloadLimit,
    calculation: { mode: "Automatic", state: "Done", ...config.calculation },
    /** The workbook counts dates from 1904 (what DATE(1904, 1, 1) says). */
    date1904: Boolean(config.workbook && config.workbook.date1904),
    /** The type of every application.calculate() a sync ran. */
    calculations: [],
  };

  /** Requests held in flight by the scenario (hold, step, release), as on a slow connection. */
  const gate = { holding: false, waiting: [] };

  function findSheet(name) {
    const lower = String(name).toLowerCase();
    return book.sheets.find((s) => s.name.toLowerCase() === lower);
  }
  function checkSheetName(name) {
    if (typeof name !== "string" || name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name))
      fail(
        "InvalidArgument",
        `The argument is invalid or missing or has an incorrect format: sheet name ${JSON.stringify(name)}`,
      );
  }
  function addSheet(name) {
    checkSheetName(name);
    if (findSheet(name)) fail("ItemAlreadyExists", `A resource with the same name or identifier already exists: ${name}`);
    const sheet = new Sheet(name);
    book.sheets.push(sheet);
    if (!book.active) book.active = sheet;
    return sheet;
  }
  function live(sheet, what) {
    if (!sheet || sheet.deleted) fail("ItemNotFound", `The requested resource doesn't exist.`, what);
    return sheet;
  }
  function writable(sheet, what) {
    live(sheet, what);
    if (sheet.protected)
      fail(
        "AccessDenied",
        "The cell or chart you're trying to change is on a protected sheet. You cannot perform the requested operation.",
        what,
      );
    return sheet;
  }
  function checkArea(area) {
    const ok = [area.row, area.column, area.rows, area.columns].every(Number.isInteger);
    if (
      !ok ||
      area.row < 0 ||
      area.column < 0 ||
      area.rows < 1 ||
      area.columns < 1 ||
      area.row + area.rows > MAX_ROWS ||
      area.column + area.columns > MAX_COLUMNS
    )
      fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format: range ${JSON.stringify(area)}`);
  }

  /** A single value fills the range; a 2-D array must have the range's shape. Returns (r, c) → value. */
  function cellSource(input, area, what) {
    if (!Array.isArray(input)) return () => input;
    if (input.length !== area.rows || input.some((line) => !Array.isArray(line) || line.length !== area.columns))
      fail(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} of ${a1(area)}: ${area.rows}×${area.columns}, got ${input.length}×${Array.isArray(input[0]) ? input[0].length : "?"}).`,
      );
    return (r, c) => input[r][c];
  }

  // ---- request context and proxies ------------------------------------------------------

  class Context {
    constructor() {
      this.queue = [];
      this.workbook = new WorkbookProxy(this);
    }
    /** `payload`: what the call or property write sends (values, formats), counted against the request limit. */
    enqueue(what, apply, payload) {
      this.queue.push({ what, apply, payload });
    }
    async sync() {
      const ops = this.queue;
      this.queue = [];
      await new Promise((resolve) => setTimeout(resolve, 0)); // a round trip
      // A scenario can hold requests in flight (a slow network), to act while one is under way.
      if (gate.holding) await new Promise((resolve) => gate.waiting.push(resolve));
      book.stats.syncs++;
      // The request's size is known before anything runs: an oversized one is refused whole.
      const requestBytes = ops.reduce(
        (sum, op) => sum + op.what.length + (op.payload === undefined ? 0 : JSON.stringify(op.payload).length),
        0,
      );
      if (book.payloadLimit !== undefined && requestBytes > book.payloadLimit) {
        book.stats.failedSyncs++;
        book.stats.refusedRequests++;
        throw new OfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.", "sync");
      }
      book.stats.largestRequest = Math.max(book.stats.largestRequest, requestBytes);
      book.stats.operations += ops.length;
      book.stats.maxOperationsPerSync = Math.max(book.stats.maxOperationsPerSync, ops.length);
      book.log.push(ops.slice(0, 40).map((op) => op.what));
      if (book.log.length > 50) book.log.shift();
      const commits = [];
      for (const op of ops) {
        try {
          const commit = op.apply();
          if (typeof commit === "function") commits.push(commit);
        } catch (error) {
          book.stats.failedSyncs++;
          if (error instanceof OfficeError) {
            if (!error.debugInfo.errorLocation) error.debugInfo.errorLocation = op.what;
            throw error;
          }
          throw new OfficeError("GeneralException", `An internal error has occurred: ${error && error.message}`, op.what);
        }
      }
      // The response's size is known only once the batch has run (its writes stay, as after any failure).
      const responseBytes = commits.reduce((sum, commit) => sum + (commit.bytes || 0), 0);
      if (book.payloadLimit !== undefined && responseBytes > book.payloadLimit) {
        book.stats.failedSyncs++;
        book.stats.refusedResponses++;
        throw new OfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.", "sync");
      }
      book.stats.largestResponse = Math.max(book.stats.largestResponse, responseBytes);
      // Loads of a successful batch only: a failed request returns no data.
      for (const commit of commits) commit();
    }
    trackedObjects = { add() {}, remove() {} };
  }

  /** Base of every proxy: loaded properties, and load() that snapshots them at its place in the queue. */
  class Proxy_ {
    constructor(context) {
      this.context = context;
      this._loaded = Object.create(null);
    }
    _get(property) {
      if (!(property in this._loaded)) notLoaded(property);
      return this._loaded[property];
    }
    /** "a,b/c" or ["a", "b/c"] or { select: "…" } → list of paths. */
    static paths(what) {
      if (what === undefined) return [];
      if (Array.isArray(what)) return what.flatMap((w) => Proxy_.paths(w));
      if (typeof what === "object") return Proxy_.paths(what.select);
      return String(what)
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    }
  }

  class WorkbookProxy {
    constructor(context) {
      this.context = context;
      this.worksheets = new WorksheetCollectionProxy(context);
      this.application = new ApplicationProxy(context);
      this.functions = new FunctionsProxy(context);
    }
  }

  /**
   * Excel's worksheet functions, as far as the pane asks them: DATE, which says the workbook's
   * date system (DATE(1904, 1, 1) is day 0 in a 1904 workbook, `date1904: true`, else 1,462).
   */
  class FunctionsProxy {
    constructor(context) {
      this.context = context;
    }
    date(year, month, day) {
      const result = new FunctionResultProxy(this.context);
      result.serial =
        Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000) - (book.date1904 ? 1462 : 0);
      return result;
    }
  }

  class FunctionResultProxy extends Proxy_ {
    get value() {
      return this._get("value");
    }
    load(what) {
      const paths = Proxy_.paths(what);
      if (paths.some((p) => p !== "value")) throw new Error(`office-host: FunctionResult.load(${paths}) not implemented`);
      this.context.enqueue("functions.date", () => {
        const commit = () => (this._loaded.value = this.serial);
        commit.bytes = 8;
        return commit;
      });
      return this;
    }
  }

  /** Excel's calculation: its mode and state (ExcelApi 1.8, 1.9), calculate, and suspending it for the API. */
  class ApplicationProxy extends Proxy_ {
    get calculationMode() {
      return this._get("calculationMode");
    }
    get calculationState() {
      return this._get("calculationState");
    }
    load(what) {
      const paths = Proxy_.paths(what);
      const unknown = paths.filter((p) => p !== "calculationMode" && p !== "calculationState");
      if (unknown.length) throw new Error(`office-host: Application.load(${unknown}) not implemented`);
      this.context.enqueue(`application.load(${paths})`, () => {
        const read = {
          calculationMode: book.calculation.mode,
          calculationState: book.calculation.state,
        };
        const commit = () => paths.forEach((p) => (this._loaded[p] = read[p]));
        commit.bytes = JSON.stringify(read).length;
        return commit;
      });
      return this;
    }
    suspendApiCalculationUntilNextSync() {
      book.stats.suspendCalls++;
      this.context.enqueue("application.suspendApiCalculationUntilNextSync", () => undefined);
    }
    calculate(type) {
      this.context.enqueue(`application.calculate(${type})`, () => {
        book.calculations.push(type);
        for (const [name, cells] of Object.entries(book.calculation.after || {}))
          for (const [address, value] of Object.entries(cells)) {
            const at = parseA1(address);
            live(findSheet(name), "calculate").setValue(at.row, at.column, value, false);
          }
        book.calculation = { mode: book.calculation.mode, state: "Done" };
      });
    }
  }

  class WorksheetCollectionProxy extends Proxy_ {
    get items() {
      return this._get("items");
    }
    load(what) {
      const paths = Proxy_.paths(what);
      const itemProps = paths
        .filter((p) => p === "items" || p.startsWith("items/"))
        .map((p) => p.slice(6))
        .filter(Boolean);
      const unknown = paths.filter((p) => !(p === "items" || p.startsWith("items/")));
      if (unknown.length) throw new Error(`office-host: WorksheetCollection.load(${unknown}) not implemented`);
      this.context.enqueue(`worksheets.load(${paths})`, () => {
        const items = book.sheets.map((sheet, position) => {
          const ws = new WorksheetProxy(this.context, sheet, `worksheets.items[${position}]`);
          const all = itemProps.length === 0;
          if (all || itemProps.includes("name")) ws._loaded.name = sheet.name;
          if (all || itemProps.includes("position")) ws._loaded.position = position;
          if (all || itemProps.includes("visibility")) ws._loaded.visibility = "Visible";
          if (itemProps.includes("protection/protected") || itemProps.includes("protection"))
            ws.protection._loaded.protected = sheet.protected;
          for (const p of itemProps.filter((p) => p.startsWith("pageLayout/") && !p.startsWith("pageLayout/headersFooters"))) {
            const property = p.slice("pageLayout/".length);
            if (!(property in PAGE_LAYOUT_READ)) throw new Error(`office-host: worksheets.load("items/${p}") not implemented`);
            ws.pageLayout._loaded[property] = PAGE_LAYOUT_READ[property](sheet);
          }
          const every = "pageLayout/headersFooters/defaultForAllPages/";
          for (const p of itemProps.filter((p) => p.startsWith(every)))
            ws.pageLayout.headersFooters.defaultForAllPages._loaded[p.slice(every.length)] =
              sheet.pages[p.slice(every.length)] || "";
          return ws;
        });
        return () => (this._loaded.items = items);
      });
      return this;
    }
    getItem(name) {
      return new WorksheetProxy(
        this.context,
        () => live(findSheet(name), `worksheets.getItem(${JSON.stringify(name)})`),
        `worksheets.getItem(${JSON.stringify(name)})`,
      );
    }
    getItemOrNullObject(name) {
      return new WorksheetProxy(
        this.context,
        () => findSheet(name) || null,
        `worksheets.getItemOrNullObject(${JSON.stringify(name)})`,
        true,
      );
    }
    getActiveWorksheet() {
      return new WorksheetProxy(this.context, () => live(book.active, "getActiveWorksheet"), "worksheets.getActiveWorksheet()");
    }
    add(name) {
      return new WorksheetProxy(this.context, () => addSheet(name), `worksheets.add(${JSON.stringify(name)})`);
    }
  }

  class WorksheetProxy extends Proxy_ {
    /**
     * `resolve` runs at this object's place in the queue and returns the Sheet (or null for a
     * null object); a Sheet instead is an object that came back already resolved (collection items).
     */
    constructor(context, resolve, what, orNull = false) {
      super(context);
      this._what = what;
      this._orNull = orNull;
      this.protection = new ProtectionProxy(context, this);
      this.charts = new ChartCollectionProxy(context, this);
      this.autoFilter = new SheetPartProxy(context, this, "autoFilter", {
        enabled: (sheet) => sheet.autoFilter !== undefined,
        isDataFiltered: () => false,
      });
      this.autoFilter.getRangeOrNullObject = () =>
        new RangeProxy(
          context,
          this,
          (sheet) => (sheet.autoFilter ? parseA1(sheet.autoFilter) : null),
          "autoFilter.getRangeOrNullObject()",
          true,
        );
      this.autoFilter.remove = () =>
        context.enqueue("autoFilter.remove", () => {
          writable(this._ws("autoFilter.remove"), "autoFilter.remove").autoFilter = undefined;
        });
      this.autoFilter.apply = (range) =>
        context.enqueue("autoFilter.apply", () => {
          const sheet = writable(this._ws("autoFilter.apply"), "autoFilter.apply");
          const { sheet: on, area } = range._at("autoFilter.apply");
          if (on !== sheet) fail("InvalidArgument", "The filter's range is on another sheet.");
          if (sheet.autoFilter !== undefined) fail("InvalidOperation", "The sheet has a filter already.");
          sheet.autoFilter = a1(area);
        });
      this.tables = new TableCollectionProxy(context, this);
      this.pageLayout = new SheetPartProxy(context, this, "pageLayout", PAGE_LAYOUT_READ);
      const page = (what, fn) =>
        context.enqueue(`pageLayout.${what}`, () => {
          fn(writable(this._ws(what), what).print);
        });
      Object.defineProperty(this.pageLayout, "orientation", {
        set: (v) => {
          page("orientation", (print) => (print.orientation = v));
        },
        get: () => this.pageLayout._get("orientation"),
      });
      Object.defineProperty(this.pageLayout, "printOrder", {
        set: (v) => {
          page("printOrder", (print) => (print.printOrder = v));
        },
      });
      Object.defineProperty(this.pageLayout, "zoom", {
        set: (v) => {
          page("zoom", (print) => (print.zoom = { ...v }));
        },
        get: () => this.pageLayout._get("zoom"),
      });
      // The rest of a sheet's print setup, kept as set (the task pane restores a user's on a sheet it adds again).
      for (const property of PAGE_SETUP_PROPERTIES)
        Object.defineProperty(this.pageLayout, property, {
          set: (v) => {
            page(property, (print) => (print[property] = v));
          },
          get: () => this.pageLayout._get(property),
        });
      this.pageLayout.setPrintTitleRows = (rows) => page("setPrintTitleRows", (print) => (print.titleRows = rows));
      this.pageLayout.setPrintTitleColumns = (columns) => page("setPrintTitleColumns", (print) => (print.titleColumns = columns));
      this.pageLayout.setPrintArea = (area) => page("setPrintArea", (print) => (print.area = area));
      // Manual page breaks (ExcelApi 1.9): the rows a page starts at, in the order added.
      this.horizontalPageBreaks = {
        add: (range) =>
          context.enqueue("horizontalPageBreaks.add", () => {
            const sheet = writable(this._ws("horizontalPageBreaks.add"), "horizontalPageBreaks.add");
            const { sheet: on, area } = range._at("horizontalPageBreaks.add");
            if (on !== sheet) fail("InvalidArgument", "The page break's range is on another sheet.");
            (sheet.print.rowBreaks ??= []).push(area.row);
          }),
      };
      // Headers and footers (ExcelApi 1.9): the state, and the sections printed on every page.
      const headersFooters = new SheetPartProxy(context, this, "pageLayout.headersFooters", {
        state: (sheet) => sheet.pages.state || "Default",
      });
      const sections = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"];
      const every = new SheetPartProxy(
        context,
        this,
        "pageLayout.headersFooters.defaultForAllPages",
        Object.fromEntries(sections.map((k) => [k, (sheet) => sheet.pages[k] || ""])),
      );
      for (const section of sections)
        Object.defineProperty(every, section, {
          get: () => every._get(section),
          set: (v) =>
            context.enqueue(`headersFooters.defaultForAllPages.${section}`, () => {
              writable(this._ws(section), section).pages[section] = String(v);
            }),
        });
      headersFooters.defaultForAllPages = every;
      this.pageLayout.headersFooters = headersFooters;
      this.freezePanes = {
        freezeRows: (count) =>
          context.enqueue("freezePanes.freezeRows", () => {
            writable(this._ws("freezeRows"), "freezeRows").frozenRows = count;
          }),
        getLocationOrNullObject: () =>
          new RangeProxy(
            context,
            this,
            (sheet) => (sheet.frozenRows ? { row: 0, column: 0, rows: sheet.frozenRows, columns: MAX_COLUMNS } : null),
            "freezePanes.getLocationOrNullObject()",
            true,
          ),
      };
      if (resolve instanceof Sheet) {
        this._sheet = resolve;
        return;
      }
      context.enqueue(what, () => {
        const sheet = resolve();
        this._sheet = sheet;
        return () => (this._isNull = orNull && !sheet);
      });
    }
    get isNullObject() {
      if (!this._orNull) return false;
      if (this._isNull === undefined) notLoaded("isNullObject");
      return this._isNull;
    }
    get name() {
      return this._get("name");
    }
    get position() {
      return this._get("position");
    }
    get standardHeight() {
      return this._get("standardHeight");
    }
    get standardWidth() {
      return this._get("standardWidth");
    }
    set position(to) {
      this.context.enqueue(`${this._what}.position = ${to}`, () => {
        const sheet = live(this._sheet, "position");
        if (!Number.isInteger(to) || to < 0 || to >= book.sheets.length) fail("InvalidArgument", `position ${to}`);
        book.sheets = book.sheets.filter((s) => s !== sheet);
        book.sheets.splice(to, 0, sheet);
      });
    }
    _ws(what) {
      if (this._orNull && !this._sheet) fail("InvalidArgument", `Operation on a null object: ${what}`);
      return live(this._sheet, what);
    }
    load(what) {
      const paths = Proxy_.paths(what);
      this.context.enqueue(`${this._what}.load(${paths})`, () => {
        if (this._orNull && !this._sheet) return () => undefined;
        const sheet = this._ws("load");
        const values = {};
        const protection = {};
        for (const p of paths) {
          if (p === "name") values.name = sheet.name;
          else if (p === "position") values.position = book.sheets.indexOf(sheet);
          else if (p === "visibility") values.visibility = "Visible";
          else if (p === "standardHeight") values.standardHeight = sheet.standardHeight;
          else if (p === "standardWidth") values.standardWidth = sheet.standardWidth;
          else if (p === "protection/protected" || p === "protection") protection.protected = sheet.protected;
          else throw new Error(`office-host: Worksheet.load("${p}") not implemented`);
        }
        return () => {
          Object.assign(this._loaded, values);
          Object.assign(this.protection._loaded, protection);
        };
      });
      return this;
    }
    getUsedRangeOrNullObject(valuesOnly) {
      return new RangeProxy(
        this.context,
        this,
        (sheet) => sheet.used(Boolean(valuesOnly)) || null,
        `getUsedRangeOrNullObject(${valuesOnly})`,
        true,
      );
    }
    getUsedRange(valuesOnly) {
      return new RangeProxy(
        this.context,
        this,
        (sheet) => sheet.used(Boolean(valuesOnly)) || { row: 0, column: 0, rows: 1, columns: 1 },
        `getUsedRange(${valuesOnly})`,
      );
    }
    getRange(address) {
      return new RangeProxy(
        this.context,
        this,
        () =>
          address === undefined || address === ""
            ? { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS }
            : parseA1(String(address).replace(/^.*!/, "")),
        `getRange(${address === undefined ? "" : JSON.stringify(address)})`,
      );
    }
    getRangeByIndexes(row, column, rows, columns) {
      return new RangeProxy(
        this.context,
        this,
        () => ({ row, column, rows, columns }),
        `getRangeByIndexes(${row}, ${column}, ${rows}, ${columns})`,
      );
    }
    getCell(row, column) {
      return this.getRangeByIndexes(row, column, 1, 1);
    }
    activate() {
      this.context.enqueue(`${this._what}.activate()`, () => {
        book.active = this._ws("activate");
      });
    }
    delete() {
      this.context.enqueue(`${this._what}.delete()`, () => {
        const sheet = this._ws("delete");
        if (book.sheets.length === 1) fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        sheet.deleted = true;
        book.sheets = book.sheets.filter((s) => s !== sheet);
        if (book.active === sheet) book.active = book.sheets[0];
      });
    }
  }

  /** A sheet's print setup as Excel gives it, what was not set being Excel's default (Letter, "Normal" margins in points). */
  const PAGE_SETUP_DEFAULTS = {
    paperSize: "Letter",
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    printGridlines: false,
    printHeadings: false,
    centerHorizontally: false,
    centerVertically: false,
  };
  const PAGE_SETUP_PROPERTIES = Object.keys(PAGE_SETUP_DEFAULTS);
  const PAGE_LAYOUT_READ = {
    orientation: (sheet) => sheet.print.orientation || "Portrait",
    zoom: (sheet) => sheet.print.zoom || { scale: 100 },
    ...Object.fromEntries(
      PAGE_SETUP_PROPERTIES.map((property) => [
        property,
        (sheet) => (sheet.print[property] === undefined ? PAGE_SETUP_DEFAULTS[property] : sheet.print[property]),
      ]),
    ),
  };

  /** A part of a sheet with properties to load (autoFilter, tables, pageLayout): `read` gives each property's value. */
  class SheetPartProxy extends Proxy_ {
    constructor(context, worksheet, what, read) {
      super(context);
      this._worksheet = worksheet;
      this._what = what;
      this._read = read;
      for (const property of Object.keys(read))
        Object.defineProperty(this, property, { get: () => this._get(property), configurable: true });
    }
    load(what) {
      const paths = Proxy_.paths(what);
      this.context.enqueue(`${this._what}.load(${paths})`, () => {
        const sheet = this._worksheet._ws(`${this._what}.load`);
        const values = {};
        for (const p of paths) {
          if (!(p in this._read)) throw new Error(`office-host: ${this._what}.load("${p}") not implemented`);
          values[p] = this._read[p](sheet);
        }
        return () => Object.assign(this._loaded, values);
      });
      return this;
    }
  }

  // ---- tables (ListObjects) ----

  /** A ClientResult: `value` throws until the sync that fills it. */
  function clientResult() {
    return {
      _value: undefined,
      _set: false,
      get value() {
        if (!this._set) notLoaded("value");
        return this._value;
      },
    };
  }

  const TABLE_READ = {
    name: (t) => t.name,
    showHeaders: (t) => t.showHeaders,
    showTotals: (t) => t.showTotals,
  };

  /** `load("items/name,…")` (or "name,…", as Office.js reads a collection's load) → the item properties asked, all for "items". */
  function itemPaths(paths, collectionProperties) {
    const own = paths.filter((p) => collectionProperties.includes(p));
    const items = paths
      .filter((p) => !collectionProperties.includes(p))
      .map((p) => (p === "items" ? "*" : p.startsWith("items/") ? p.slice(6) : p));
    return { own, items, all: items.includes("*") };
  }

  /** The tables of a sheet (worksheet.tables) or of a range (Range.getTables): load items, getItem, getCount. */
  class TableListProxy extends Proxy_ {
    constructor(context, what) {
      super(context);
      this._what = what;
    }
    get items() {
      return this._get("items");
    }
    load(what) {
      const paths = Proxy_.paths(what);
      const { own, items, all } = itemPaths(paths, this._collectionProperties());
      for (const p of items)
        if (p !== "*" && !(p in TABLE_READ)) throw new Error(`office-host: ${this._what}.load("items/${p}") not implemented`);
      this.context.enqueue(`${this._what}.load(${paths})`, () => {
        const tables = this._list("load");
        const values = {};
        if (own.includes("count")) values.count = tables.length;
        if (items.length)
          values.items = tables.map((table, i) => {
            const proxy = new TableProxy(this.context, table, `${this._what}.items[${i}]`);
            for (const p of Object.keys(TABLE_READ)) if (all || items.includes(p)) proxy._loaded[p] = TABLE_READ[p](table);
            return proxy;
          });
        return () => Object.assign(this._loaded, values);
      });
      return this;
    }
    getCount() {
      const result = clientResult();
      this.context.enqueue(`${this._what}.getCount()`, () => {
        const count = this._list("getCount").length;
        return () => Object.assign(result, { _value: count, _set: true });
      });
      return result;
    }
    /** Excel's table names are unique in the workbook, case-insensitive. */
    getItem(name) {
      const what = `${this._what}.getItem(${JSON.stringify(name)})`;
      return new TableProxy(
        this.context,
        () => this._find(name, what) || fail("ItemNotFound", "The requested resource doesn't exist.", what),
        what,
      );
    }
    getItemOrNullObject(name) {
      const what = `${this._what}.getItemOrNullObject(${JSON.stringify(name)})`;
      return new TableProxy(this.context, () => this._find(name, what) || null, what, true);
    }
    _find(name, what) {
      const lower = String(name).toLowerCase();
      return this._list(what).find((t) => t.name.toLowerCase() === lower);
    }
  }

  class TableCollectionProxy extends TableListProxy {
    constructor(context, worksheet) {
      super(context, `${worksheet._what}.tables`);
      this._worksheet = worksheet;
    }
    get count() {
      return this._get("count");
    }
    _collectionProperties() {
      return ["count"];
    }
    _list(what) {
      return this._worksheet._ws(`${this._what}.${what}`).tables;
    }
  }

  /** Range.getTables: the tables found when the call ran (at its place in the queue). */
  class TableScopedCollectionProxy extends TableListProxy {
    _collectionProperties() {
      return [];
    }
    _list() {
      return this._tables.filter((t) => !t.sheet.deleted && t.sheet.tables.includes(t));
    }
    getFirst() {
      const what = `${this._what}.getFirst()`;
      return new TableProxy(
        this.context,
        () => this._list()[0] || fail("ItemNotFound", "The requested resource doesn't exist.", what),
        what,
      );
    }
  }

  class TableProxy extends Proxy_ {
    /** `resolve` runs at this object's place in the queue (a table, or null for a null object); a table record is one already resolved. */
    constructor(context, resolve, what, orNull = false) {
      super(context);
      this._what = what;
      this._orNull = orNull;
      this.columns = new TableColumnCollectionProxy(context, this);
      if (typeof resolve !== "function") {
        this._table = resolve;
        return;
      }
      context.enqueue(what, () => {
        const table = resolve();
        this._table = table;
        return () => (this._isNull = orNull && !table);
      });
    }
    get isNullObject() {
      if (!this._orNull) return false;
      if (this._isNull === undefined) notLoaded("isNullObject");
      return this._isNull;
    }
    get name() {
      return this._get("name");
    }
    get showHeaders() {
      return this._get("showHeaders");
    }
    get showTotals() {
      return this._get("showTotals");
    }
    /** The table, still on a sheet of the workbook. */
    _tbl(what) {
      const table = this._table;
      if (!table) fail("InvalidArgument", `Operation on a null object: ${this._what}.${what}`);
      live(table.sheet, what);
      if (!table.sheet.tables.includes(table)) fail("ItemNotFound", "The table does not exist.", what);
      return table;
    }
    /** Its sheet, for the ranges it gives (RangeProxy asks its "worksheet" for this). */
    _ws(what) {
      return this._tbl(what).sheet;
    }
    load(what) {
      const paths = Proxy_.paths(what);
      for (const p of paths) if (!(p in TABLE_READ)) throw new Error(`office-host: Table.load("${p}") not implemented`);
      this.context.enqueue(`${this._what}.load(${paths})`, () => {
        if (this._orNull && !this._table) return () => undefined;
        const table = this._tbl("load");
        const values = {};
        for (const p of paths.length ? paths : Object.keys(TABLE_READ)) values[p] = TABLE_READ[p](table);
        return () => Object.assign(this._loaded, values);
      });
      return this;
    }
    getRange() {
      return new RangeProxy(this.context, this, () => ({ ...this._table.area }), "getRange()");
    }
    getHeaderRowRange() {
      return new RangeProxy(
        this.context,
        this,
        () => {
          if (!this._table.showHeaders) fail("InvalidOperation", "The table has no header row.");
          return { ...this._table.area, rows: 1 };
        },
        "getHeaderRowRange()",
      );
    }
    getDataBodyRange() {
      return new RangeProxy(
        this.context,
        this,
        () => {
          const { area, showHeaders, showTotals } = this._table;
          const top = showHeaders ? 1 : 0;
          return { ...area, row: area.row + top, rows: area.rows - top - (showTotals ? 1 : 0) };
        },
        "getDataBodyRange()",
      );
    }
    /**
     * ExcelApi 1.13: the table over `target` (a Range or an A1 address): on its sheet, its header row
     * (top row) where it was, overlapping the old area. The columns still inside keep their names;
     * the new ones are named from their header cells.
     */
    resize(target) {
      const given = typeof target === "string" ? target : undefined;
      this.context.enqueue(
        `${this._what}.resize(${given === undefined ? "range" : JSON.stringify(given)})`,
        () => {
          const table = this._tbl("resize");
          const sheet = writable(table.sheet, `${this._what}.resize`);
          const invalid = (why) =>
            fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${why}`);
          let area;
          if (given !== undefined) {
            const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?([^!]+)$/.exec(given);
            if (!m) invalid(`resize(${given})`);
            const on = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
            if (on !== undefined && on.toLowerCase() !== sheet.name.toLowerCase()) invalid("the new range is on another sheet");
            area = parseA1(m[3]);
          } else if (target instanceof RangeProxy) {
            const at = target._at("resize");
            if (at.sheet !== sheet) invalid("the new range is on another sheet");
            area = { ...at.area };
          } else invalid("resize needs a range or an address");
          checkArea(area);
          if (area.row !== table.area.row) invalid("the table's header row must stay in the same row");
          if (!overlaps(area, table.area)) invalid("the new range must overlap the table");
          if (area.rows < 1 + (table.showHeaders ? 1 : 0) + (table.showTotals ? 1 : 0)) invalid("the table needs a row of data");
          if (sheet.tables.some((t) => t !== table && overlaps(t.area, area))) invalid("the new range overlaps another table");
          const old = table.area;
          const fresh = [];
          const columns = [];
          for (let i = 0; i < area.columns; i++) {
            const c = area.column + i;
            if (c >= old.column && c < old.column + old.columns) {
              columns.push(table.columns[c - old.column]);
            } else {
              columns.push("");
              fresh.push(i);
            }
          }
          table.area = area;
          table.columns = columns;
          sheet.nameColumns(table, fresh);
        },
        given,
      );
    }
  }

  class TableColumnProxy extends Proxy_ {
    get name() {
      return this._get("name");
    }
    get index() {
      return this._get("index");
    }
  }

  class TableColumnCollectionProxy extends Proxy_ {
    constructor(context, table) {
      super(context);
      this._table = table;
      this._what = `${table._what}.columns`;
    }
    get items() {
      return this._get("items");
    }
    get count() {
      return this._get("count");
    }
    load(what) {
      const paths = Proxy_.paths(what);
      const { own, items, all } = itemPaths(paths, ["count"]);
      for (const p of items)
        if (p !== "*" && p !== "name" && p !== "index")
          throw new Error(`office-host: ${this._what}.load("items/${p}") not implemented`);
      this.context.enqueue(`${this._what}.load(${paths})`, () => {
        const table = this._table._tbl("columns.load");
        const values = {};
        if (own.includes("count")) values.count = table.columns.length;
        if (items.length)
          values.items = table.columns.map((name, index) => {
            const column = new TableColumnProxy(this.context);
            if (all || items.includes("name")) column._loaded.name = name;
            if (all || items.includes("index")) column._loaded.index = index;
            return column;
          });
        return () => Object.assign(this._loaded, values);
      });
      return this;
    }
    getCount() {
      const result = clientResult();
      this.context.enqueue(`${this._what}.getCount()`, () => {
        const count = this._table._tbl("columns.getCount").columns.length;
        return () => Object.assign(result, { _value: count, _set: true });
      });
      return result;
    }
  }

  class ProtectionProxy extends Proxy_ {
    constructor(context, worksheet) {
      super(context);
      this._worksheet = worksheet;
    }
    get protected() {
      return this._get("protected");
    }
    load(what) {
      const paths = Proxy_.paths(what);
      this.context.enqueue("protection.load", () => {
        const sheet = this._worksheet._ws("protection");
        return () => {
          if (paths.length === 0 || paths.includes("protected")) this._loaded.protected = sheet.protected;
        };
      });
      return this;
    }
    protect() {
      this.context.enqueue("protection.protect()", () => void (this._worksheet._ws("protect").protected = true));
    }
    unprotect() {
      this.context.enqueue("protection.unprotect()", () => void (this._worksheet._ws("unprotect").protected = false));
    }
  }

  class RangeProxy extends Proxy_ {
    constructor(context, worksheet, locate, what, orNull = false) {
      super(context);
      this._worksheet = worksheet;
      this._orNull = orNull;
      this._what = `${worksheet._what}.${what}`;
      this.format = new RangeFormatProxy(context, this);
      this.conditionalFormats = new ConditionalFormatCollectionProxy(context, this);
      context.enqueue(this._what, () => {
        const sheet = worksheet._ws(this._what);
        const area = locate(sheet);
        if (area) checkArea(area);
        this._area = area;
        this._sheetRef = sheet;
        return () => (this._isNull = orNull && !area);
      });
    }
    get isNullObject() {
      if (!this._orNull) return false;
      if (this._isNull === undefined) notLoaded("isNullObject");
      return this._isNull;
    }
    _at(what) {
      if (!this._area) fail("InvalidArgument", `Operation on a null object: ${this._what}.${what}`);
      return { sheet: live(this._sheetRef, what), area: this._area };
    }
    _write(what, apply, payload) {
      this.context.enqueue(
        `${this._what}.${what}`,
        () => {
          const { sheet, area } = this._at(what);
          writable(sheet, `${this._what}.${what}`);
          apply(sheet, area);
        },
        payload,
      );
    }
    set columnHidden(v) {
      this._write("columnHidden", (sheet, area) => {
        if (typeof v !== "boolean") fail("InvalidArgument", `columnHidden ${v}`);
        for (let c = area.column; c < area.column + area.columns; c++)
          v ? sheet.hiddenColumns.add(c) : sheet.hiddenColumns.delete(c);
      });
    }
    get columnHidden() {
      return notLoaded("columnHidden");
    }
    get values() {
      return this._get("values");
    }
    set values(input) {
      this._write(
        "values",
        (sheet, area) => {
          const at = cellSource(input, area, "values");
          for (let r = 0; r < area.rows; r++)
            for (let c = 0; c < area.columns; c++) sheet.setValue(area.row + r, area.column + c, at(r, c), false);
          sheet.headersWritten(area, (r, c) => at(r - area.row, c - area.column) != null);
        },
        input,
      );
    }
    get formulas() {
      return this._get("formulas");
    }
    set formulas(input) {
      this._write(
        "formulas",
        (sheet, area) => {
          const at = cellSource(input, area, "formulas");
          for (let r = 0; r < area.rows; r++)
            for (let c = 0; c < area.columns; c++) sheet.setValue(area.row + r, area.column + c, at(r, c), true);
          sheet.headersWritten(area, (r, c) => at(r - area.row, c - area.column) != null);
        },
        input,
      );
    }
    get numberFormat() {
      return this._get("numberFormat");
    }
    set numberFormat(input) {
      this._write(
        "numberFormat",
        (sheet, area) => {
          const at = cellSource(input, area, "numberFormat");
          for (let r = 0; r < area.rows; r++)
            for (let c = 0; c < area.columns; c++) {
              const f = at(r, c);
              if (f === null || f === undefined) continue;
              if (typeof f !== "string") fail("InvalidArgument", `numberFormat must be text, got ${JSON.stringify(f)}`);
              const k = key(area.row + r, area.column + c);
              if (f === "General") sheet.formats.delete(k);
              else sheet.formats.set(k, f);
            }
        },
        input,
      );
    }
    get address() {
      return this._get("address");
    }
    get rowIndex() {
      return this._get("rowIndex");
    }
    get columnIndex() {
      return this._get("columnIndex");
    }
    get rowCount() {
      return this._get("rowCount");
    }
    get columnCount() {
      return this._get("columnCount");
    }
    load(what) {
      const paths = Proxy_.paths(what);
      this.context.enqueue(`${this._what}.load(${paths})`, () => {
        if (this._orNull && !this._area) return () => undefined;
        const { sheet, area } = this._at("load");
        // Excel gets at most five million cells' data in one request, on every platform (an address is fine).
        const cellData = paths.some((p) => p === "values" || p === "formulas" || p === "numberFormat");
        if (cellData && area.rows * area.columns > 5_000_000)
          fail("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.");
        const out = {};
        for (const p of paths) {
          if (p === "values") out.values = sheet.grid(area, sheet.values, () => "");
          else if (p === "formulas") out.formulas = sheet.grid(area, new Map([...sheet.values, ...sheet.formulas]), () => "");
          else if (p === "numberFormat") out.numberFormat = sheet.grid(area, sheet.formats, () => "General");
          else if (p === "address") out.address = `${quoted(sheet.name)}!${a1(area)}`;
          else if (p === "rowIndex") out.rowIndex = area.row;
          else if (p === "columnIndex") out.columnIndex = area.column;
          else if (p === "rowCount") out.rowCount = area.rows;
          else if (p === "columnCount") out.columnCount = area.columns;
          else throw new Error(`office-host: Range.load("${p}") not implemented`);
        }
        const commit = () => Object.assign(this._loaded, out);
        commit.bytes = JSON.stringify(out).length;
        return commit;
      });
      return this;
    }
    clear(applyTo) {
      this._write(`clear(${applyTo ?? ""})`, (sheet, area) => sheet.clear(area, applyTo));
    }
    /** ExcelApi 1.9: the tables this range intersects (fullyContained: only those wholly inside it). */
    getTables(fullyContained) {
      const tables = new TableScopedCollectionProxy(this.context, `${this._what}.getTables(${fullyContained ?? ""})`);
      this.context.enqueue(tables._what, () => {
        const { sheet, area } = this._at("getTables");
        const inside = (t) =>
          t.area.row >= area.row &&
          t.area.column >= area.column &&
          t.area.row + t.area.rows <= area.row + area.rows &&
          t.area.column + t.area.columns <= area.column + area.columns;
        tables._tables = sheet.tables.filter((t) => (fullyContained ? inside(t) : overlaps(t.area, area)));
      });
      return tables;
    }
    /** ExcelApi 1.9: a ClientResult of each row's properties; only format.rowHeight (and rowIndex) here. */
    getRowProperties(options) {
      const wanted = options || {};
      const unknown = Object.keys(wanted).filter((k) => k !== "format" && k !== "rowIndex");
      const formats = Object.keys(wanted.format || {}).filter((k) => k !== "rowHeight");
      if (unknown.length || formats.length)
        throw new Error(`office-host: getRowProperties(${[...unknown, ...formats]}) not implemented`);
      const result = {
        _value: undefined,
        get value() {
          if (this._value === undefined) notLoaded("value");
          return this._value;
        },
      };
      this.context.enqueue(`${this._what}.getRowProperties()`, () => {
        const { sheet, area } = this._at("getRowProperties");
        const rows = [];
        for (let r = area.row; r < area.row + area.rows; r++) {
          const row = {};
          if (wanted.rowIndex) row.rowIndex = r;
          if (wanted.format && wanted.format.rowHeight) row.format = { rowHeight: sheet.heights.get(r) ?? sheet.standardHeight };
          rows.push(row);
        }
        const commit = () => (result._value = rows);
        commit.bytes = JSON.stringify(rows).length;
        return commit;
      });
      return result;
    }
    /** ExcelApi 1.9: a ClientResult of each column's properties; only format.columnWidth here, in points. */
    getColumnProperties(options) {
      const wanted = options || {};
      const unknown = Object.keys(wanted).filter((k) => k !== "format");
      const formats = Object.keys(wanted.format || {}).filter((k) => k !== "columnWidth");
      if (unknown.length || formats.length)
        throw new Error(`office-host: getColumnProperties(${[...unknown, ...formats]}) not implemented`);
      const result = {
        _value: undefined,
        get value() {
          if (this._value === undefined) notLoaded("value");
          return this._value;
        },
      };
      this.context.enqueue(`${this._what}.getColumnProperties()`, () => {
        const { sheet, area } = this._at("getColumnProperties");
        // A column without a width of its own is the standard width, in whole pixels as Excel shows it.
        const standard = ((Math.round(sheet.standardWidth * 7) + 5) * 3) / 4;
        const columns = [];
        for (let c = area.column; c < area.column + area.columns; c++)
          columns.push({ format: { columnWidth: sheet.widths.get(c) ?? standard } });
        const commit = () => (result._value = columns);
        commit.bytes = JSON.stringify(columns).length;
        return commit;
      });
      return result;
    }
    select() {
      this.context.enqueue(`${this._what}.select()`, () => {
        const { sheet, area } = this._at("select");
        if (book.active !== sheet) fail("InvalidOperation", "Can only select a range on the active sheet.");
        book.selection = `${quoted(sheet.name)}!${a1(area)}`;
      });
    }
  }

  class RangeFormatProxy {
    constructor(context, range) {
      const cells = (sheet, area, fn) => {
        for (let r = 0; r < area.rows; r++) for (let c = 0; c < area.columns; c++) fn(key(area.row + r, area.column + c));
      };
      this.font = {
        set bold(v) {
          range._write("format.font.bold", (sheet, area) =>
            cells(sheet, area, (k) => (v ? sheet.bold.set(k, true) : sheet.bold.delete(k))),
          );
        },
        get bold() {
          return notLoaded("bold");
        },
      };
      this.fill = {
        set color(v) {
          range._write("format.fill.color", (sheet, area) => cells(sheet, area, (k) => sheet.fills.set(k, v)));
        },
        get color() {
          return notLoaded("color");
        },
      };
      Object.defineProperty(this, "wrapText", {
        set(v) {
          range._write("format.wrapText", (sheet, area) =>
            cells(sheet, area, (k) => (v ? sheet.wrapped.add(k) : sheet.wrapped.delete(k))),
          );
        },
        get() {
          return notLoaded("wrapText");
        },
      });
      Object.defineProperty(this, "horizontalAlignment", {
        set(v) {
          range._write("format.horizontalAlignment", (sheet, area) => {
            if (!["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"].includes(v))
              fail("InvalidArgument", `horizontalAlignment ${v}`);
            cells(sheet, area, (k) => sheet.horizontal.set(k, v));
          });
        },
        get() {
          return notLoaded("horizontalAlignment");
        },
      });
      Object.defineProperty(this, "indentLevel", {
        set(v) {
          range._write("format.indentLevel", (sheet, area) => {
            if (!Number.isInteger(v) || v < 0 || v > 250) fail("InvalidArgument", `indentLevel ${v}`);
            cells(sheet, area, (k) => (v ? sheet.indented.set(k, v) : sheet.indented.delete(k)));
          });
        },
        get() {
          return notLoaded("indentLevel");
        },
      });
      // Excel measures the rows again: this host cannot measure text, so a row fitted is back at the standard height.
      this.autofitRows = () =>
        range._write("format.autofitRows()", (sheet, area) => {
          for (let r = area.row; r < area.row + area.rows; r++) sheet.heights.delete(r);
        });
      Object.defineProperty(this, "columnWidth", {
        set(v) {
          range._write("format.columnWidth", (sheet, area) => {
            if (typeof v !== "number" || !(v >= 0)) fail("InvalidArgument", `columnWidth ${v}`);
            for (let c = 0; c < area.columns; c++) sheet.widths.set(area.column + c, v);
          });
        },
        get() {
          return notLoaded("columnWidth");
        },
      });
      void context;
    }
  }

  class ConditionalFormatCollectionProxy {
    constructor(context, range) {
      this._range = range;
      this.context = context;
    }
    add(type) {
      const record = { type, area: undefined, formula: undefined, color: undefined };
      this._range._write(`conditionalFormats.add(${type})`, (sheet, area) => {
        if (type !== "Custom") throw new Error(`office-host: conditional format type ${type} not implemented`);
        record.area = area;
        sheet.conditional.push(record);
      });
      const range = this._range;
      return {
        custom: {
          rule: {
            set formula(f) {
              range._write("conditionalFormat.custom.rule.formula", () => {
                if (typeof f !== "string" || !f.startsWith("=")) fail("InvalidArgument", `conditional format formula ${f}`);
                record.formula = f;
              });
            },
          },
          format: {
            fill: {
              set color(c) {
                range._write("conditionalFormat.custom.format.fill.color", () => void (record.color = c));
              },
            },
          },
        },
      };
    }
    clearAll() {
      this._range._write("conditionalFormats.clearAll()", (sheet, area) => {
        sheet.conditional = sheet.conditional.filter((f) => !overlaps(f.area, area));
      });
    }
  }

  class ChartCollectionProxy {
    constructor(context, worksheet) {
      this.context = context;
      this._worksheet = worksheet;
    }
    add(type, source, seriesBy) {
      const record = {
        type,
        seriesBy,
        source: undefined,
        title: undefined,
        legendVisible: true,
        seriesName: undefined,
        categories: undefined,
        position: undefined,
        // What the value axis was told, property by property.
        valueAxis: {},
      };
      const ws = this._worksheet;
      const op = (what, fn) =>
        this.context.enqueue(`chart.${what}`, () => {
          const sheet = writable(ws._ws(what), what);
          if (!sheet.charts.includes(record)) fail("ItemNotFound", "The chart does not exist.", what);
          fn(sheet);
        });
      this.context.enqueue(`charts.add(${type})`, () => {
        const sheet = writable(ws._ws("charts.add"), "charts.add");
        const { sheet: from, area } = source._at("charts.add source");
        if (from !== sheet) fail("InvalidArgument", "The chart's source range is on another sheet.");
        record.source = a1(area);
        sheet.charts.push(record);
      });
      const rangeOf = (r) => {
        const { area } = r._at("chart range");
        return a1(area);
      };
      return {
        title: {
          set text(v) {
            op("title.text", () => (record.title = v));
          },
        },
        legend: {
          set visible(v) {
            op("legend.visible", () => (record.legendVisible = v));
          },
        },
        series: {
          getItemAt: (index) => ({
            set name(v) {
              op(`series.getItemAt(${index}).name`, () => (record.seriesName = v));
            },
            setXAxisValues: (r) => op(`series.getItemAt(${index}).setXAxisValues`, () => (record.categories = rangeOf(r))),
            set hasDataLabels(v) {
              op(`series.getItemAt(${index}).hasDataLabels`, () => (record.dataLabels = v));
            },
            dataLabels: {
              set numberFormat(v) {
                op(
                  `series.getItemAt(${index}).dataLabels.numberFormat`,
                  () => ((record.dataLabelFormat ??= {}).numberFormat = v),
                );
              },
              set linkNumberFormat(v) {
                op(
                  `series.getItemAt(${index}).dataLabels.linkNumberFormat`,
                  () => ((record.dataLabelFormat ??= {}).linkNumberFormat = v),
                );
              },
            },
          }),
        },
        axes: {
          categoryAxis: {
            set categoryType(v) {
              if (!["Automatic", "TextAxis", "DateAxis"].includes(v)) fail("InvalidArgument", `categoryType ${v}`);
              op("axes.categoryAxis.categoryType", () => (record.categoryType = v));
            },
            set numberFormat(v) {
              op("axes.categoryAxis.numberFormat", () => (record.categoryNumberFormat = v));
            },
            set linkNumberFormat(v) {
              op("axes.categoryAxis.linkNumberFormat", () => (record.categoryFormatLinked = v));
            },
          },
          valueAxis: {
            set minimum(v) {
              if (typeof v !== "number" && v !== "") fail("InvalidArgument", `minimum ${v}`);
              op("axes.valueAxis.minimum", () => (record.valueAxis.minimum = v));
            },
            set maximum(v) {
              if (typeof v !== "number" && v !== "") fail("InvalidArgument", `maximum ${v}`);
              op("axes.valueAxis.maximum", () => (record.valueAxis.maximum = v));
            },
            set majorUnit(v) {
              if (typeof v !== "number" || !(v > 0)) fail("InvalidArgument", `majorUnit ${v}`);
              op("axes.valueAxis.majorUnit", () => (record.valueAxis.majorUnit = v));
            },
            set visible(v) {
              op("axes.valueAxis.visible", () => (record.valueAxis.visible = v));
            },
            set numberFormat(v) {
              op("axes.valueAxis.numberFormat", () => (record.valueAxis.numberFormat = v));
            },
            set linkNumberFormat(v) {
              op("axes.valueAxis.linkNumberFormat", () => (record.valueAxis.linkNumberFormat = v));
            },
            majorGridlines: {
              set visible(v) {
                op("axes.valueAxis.majorGridlines.visible", () => (record.valueAxis.majorGridlines = v));
              },
            },
          },
        },
        setPosition: (start, end) =>
          op("setPosition", () => (record.position = end ? `${rangeOf(start)}:${rangeOf(end)}` : rangeOf(start))),
      };
    }
  }

  // ---- seeding and inspection ------------------------------------------------------------

  function seed(workbook) {
    book.sheets = [];
    book.active = undefined;
    for (const s of (workbook && workbook.sheets) || []) {
      const sheet = addSheet(s.name);
      (s.values || []).forEach((line, r) =>
        (line || []).forEach((v, c) => {
          if (v !== null && v !== undefined && v !== "") sheet.values.set(key(r, c), v);
        }),
      );
      for (const [address, format] of Object.entries(s.numberFormats || {})) {
        const at = parseA1(address);
        sheet.formats.set(key(at.row, at.column), format);
      }
      sheet.protected = Boolean(s.protected);
      // Row heights the user set, by 1-based row number, and the header and footer sections typed.
      for (const [row, height] of Object.entries(s.rowHeights || {})) sheet.heights.set(Number(row) - 1, height);
      Object.assign(sheet.pages, s.pages || {});
    }
    // Tables after every sheet's cells: their columns are named from the header cells, as Excel does when one is made.
    for (const s of (workbook && workbook.sheets) || [])
      for (const t of s.tables || []) {
        const sheet = findSheet(s.name);
        const area = parseA1(t.ref);
        const clash = book.sheets.some((other) =>
          other.tables.some((o) => o.name.toLowerCase() === String(t.name).toLowerCase()),
        );
        if (clash) throw new Error(`office-host: a second table named ${t.name}`);
        if (sheet.tables.some((o) => overlaps(o.area, area))) throw new Error(`office-host: table ${t.name} overlaps another`);
        const table = {
          name: t.name,
          sheet,
          area,
          showHeaders: t.showHeaders !== false,
          showTotals: Boolean(t.showTotals),
          columns: new Array(area.columns).fill(""),
        };
        sheet.tables.push(table);
        sheet.nameColumns(
          table,
          table.columns.map((_, i) => i),
        );
      }
    book.active = (workbook && workbook.active && findSheet(workbook.active)) || book.sheets[0];
    if (!book.sheets.length) addSheet("Sheet1");
  }

  const byAddress = (map) =>
    Object.fromEntries(
      [...map.entries()]
        .map(([k, v]) => {
          const [r, c] = k.split(",").map(Number);
          return [r, c, v];
        })
        .sort((x, y) => x[0] - y[0] || x[1] - y[1])
        .map(([r, c, v]) => [`${letters(c)}${r + 1}`, v]),
    );

  /** Plain JSON of everything the add-in can change: deep-compare two snapshots to prove nothing moved. */
  function snapshot() {
    return {
      active: book.active && book.active.name,
      selection: book.selection,
      settings: JSON.parse(JSON.stringify(book.settings)),
      sheets: book.sheets.map((s) => {
        const used = s.used(true);
        return {
          name: s.name,
          protected: s.protected,
          used: used ? a1(used) : null,
          // From A1 to the bottom-right of the used range, "" for blank.
          values: used
            ? s.grid({ row: 0, column: 0, rows: used.row + used.rows, columns: used.column + used.columns }, s.values, () => "")
            : [],
          formulas: byAddress(s.formulas),
          formats: byAddress(s.formats),
          bold: Object.keys(byAddress(s.bold)),
          fills: byAddress(s.fills),
          widths: Object.fromEntries([...s.widths.entries()].sort((x, y) => x[0] - y[0]).map(([c, w]) => [letters(c), w])),
          hiddenColumns: [...s.hiddenColumns].sort((x, y) => x - y).map(letters),
          conditional: s.conditional.map((f) => ({ area: a1(f.area), type: f.type, formula: f.formula, color: f.color })),
          charts: s.charts.map((ch) => ({ ...ch, valueAxis: { ...ch.valueAxis } })),
          wrapped: [...s.wrapped].sort(),
          // Addresses of the cells indented (and left-aligned, as an indent needs), in sheet order:
          // a write in halves sets them in another order than one in a single sync.
          indented: [...s.indented.keys()]
            .filter((k) => s.horizontal.get(k) === "Left")
            .map((k) => k.split(",").map(Number))
            .sort((x, y) => x[0] - y[0] || x[1] - y[1])
            .map(([r, c]) => `${letters(c)}${r + 1}`),
          frozenRows: s.frozenRows,
          autoFilter: s.autoFilter,
          tables: s.tables.map((t) => ({ name: t.name, ref: a1(t.area), columns: [...t.columns], showTotals: t.showTotals })),
          print: { ...s.print },
          pages: { ...s.pages },
          // Rows with a height of their own, by 1-based row number.
          rowHeights: Object.fromEntries([...s.heights.entries()].sort((x, y) => x[0] - y[0]).map(([r, h]) => [r + 1, h])),
        };
      }),
    };
  }

  seed(config.workbook);

  window.__workbook = {
    snapshot,
    /** From now on every sync waits in flight until the scenario lets it go, one (step) or all (release). */
    hold: () => void (gate.holding = true),
    waiting: () => gate.waiting.length,
    step: () => gate.waiting.shift()?.(),
    release: () => {
      gate.holding = false;
      gate.waiting.splice(0).forEach((go) => go());
    },
    stats: () => ({ ...book.stats }),
    /** Excel's calculation mode and state now, and the type of each calculate() run. */
    calculation: () => ({ mode: book.calculation.mode, state: book.calculation.state, calculations: [...book.calculations] }),
    syncLog: () => book.log.map((ops) => [...ops]),
    sheetNames: () => book.sheets.map((s) => s.name),
    /** 2-D values from A1 of one sheet (snapshot form), or undefined. */
    values: (name) => snapshot().sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase())?.values,
    protect: (name, on = true) => void (live(findSheet(name), "protect").protected = on),
    /** Deletes a sheet as a user would between two steps of a scenario. */
    deleteSheet: (name) => {
      const sheet = live(findSheet(name), "deleteSheet");
      sheet.deleted = true;
      book.sheets = book.sheets.filter((s) => s !== sheet);
      if (book.active === sheet) book.active = book.sheets[0];
    },
    /** Sets a row's height (1-based row, points) as a user dragging it would, between two steps of a scenario. */
    setRowHeight: (name, row, height) => void live(findSheet(name), "setRowHeight").heights.set(row - 1, height),
    /** Types sections of a sheet's header and footer ({ leftHeader: "…", … }) as a user would in Page Setup. */
    typePages: (name, sections) => void Object.assign(live(findSheet(name), "typePages").pages, sections),
    /** Changes a sheet's print setup ({ orientation: "Portrait", printGridlines: true, … }) as a user would in Page Setup. */
    setPrint: (name, print) => void Object.assign(live(findSheet(name), "setPrint").print, print),
    /** Changes a cell as a user would between two steps of a scenario ("" empties it). */
    setCell: (name, address, value) => {
      const at = parseA1(address);
      const sheet = live(findSheet(name), "setCell");
      sheet.setValue(at.row, at.column, value, false);
      sheet.headersWritten(at, () => value != null);
    },
  };

  // ---- Office ----------------------------------------------------------------------------

  const settings = {
    _pending: JSON.parse(JSON.stringify(config.settings || {})),
    get(name) {
      return Object.prototype.hasOwnProperty.call(this._pending, name) ? this._pending[name] : null;
    },
    set(name, value) {
      this._pending[name] = JSON.parse(JSON.stringify(value));
    },
    remove(name) {
      delete this._pending[name];
    },
    saveAsync(options, callback) {
      const cb = typeof options === "function" ? options : callback;
      setTimeout(() => {
        book.settings = JSON.parse(JSON.stringify(this._pending));
        book.stats.settingsSaves++;
        if (cb) cb({ status: "succeeded", value: undefined, error: undefined, asyncContext: options && options.asyncContext });
      }, 0);
    },
    refreshAsync(callback) {
      setTimeout(() => callback && callback({ status: "succeeded", value: settings }), 0);
    },
  };
  book.settings = JSON.parse(JSON.stringify(settings._pending));

  // Office's themes as Office.context.officeTheme describes them: isDarkTheme is true for Black and Dark Gray.
  const THEMES = {
    Colorful: {
      bodyBackgroundColor: "#FFFFFF",
      bodyForegroundColor: "#262626",
      controlBackgroundColor: "#FFFFFF",
      controlForegroundColor: "#262626",
    },
    White: {
      bodyBackgroundColor: "#FFFFFF",
      bodyForegroundColor: "#262626",
      controlBackgroundColor: "#FFFFFF",
      controlForegroundColor: "#262626",
    },
    DarkGray: {
      bodyBackgroundColor: "#444444",
      bodyForegroundColor: "#FFFFFF",
      controlBackgroundColor: "#6A6A6A",
      controlForegroundColor: "#FFFFFF",
    },
    Black: {
      bodyBackgroundColor: "#262626",
      bodyForegroundColor: "#FFFFFF",
      controlBackgroundColor: "#363636",
      controlForegroundColor: "#FFFFFF",
    },
  };
  const themeId = config.officeTheme || "Colorful";
  if (!THEMES[themeId]) throw new Error(`office-host: unknown Office theme ${themeId}`);
  const officeTheme = Object.freeze({ ...THEMES[themeId], themeId, isDarkTheme: themeId === "Black" || themeId === "DarkGray" });

  const info = { host: "Excel", platform: "OfficeOnline" };
  const ready = new Promise((resolve) => {
    const go = () => setTimeout(resolve, 0);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", go);
    else go();
  });

  window.Office = {
    HostType: {
      Excel: "Excel",
      Word: "Word",
      PowerPoint: "PowerPoint",
      Outlook: "Outlook",
      OneNote: "OneNote",
      Project: "Project",
      Access: "Access",
    },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      displayLanguage: config.displayLanguage || "en-US",
      contentLanguage: config.displayLanguage || "en-US",
      host: "Excel",
      platform: "OfficeOnline",
      diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.0.0" },
      requirements: { isSetSupported: () => true },
      document: { settings, url: "https://example.invalid/Book.xlsx" },
      officeTheme,
    },
    ThemeId: { Black: "Black", Colorful: "Colorful", DarkGray: "DarkGray", White: "White" },
    onReady(callback) {
      return ready.then(() => {
        if (typeof callback === "function") callback(info);
        return info;
      });
    },
  };
  window.OfficeExtension = {
    Error: OfficeError,
    ErrorCodes: {
      accessDenied: "AccessDenied",
      itemNotFound: "ItemNotFound",
      generalException: "GeneralException",
      invalidArgument: "InvalidArgument",
      propertyNotLoaded: "PropertyNotLoaded",
    },
  };

  // ---- CustomFunctions -------------------------------------------------------------------

  const ErrorCode = {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  };
  class CustomFunctionError {
    constructor(code, message) {
      if (!Object.values(ErrorCode).includes(code)) throw new TypeError(`CustomFunctions.Error: unknown code ${code}`);
      this.code = code;
      this.message = message;
      this.type = "CustomFunctionError";
    }
  }
  const associated = new Map();
  window.__customFunctions = associated;
  window.__associateCalls = 0;
  window.CustomFunctions = {
    Error: CustomFunctionError,
    ErrorCode,
    associate(idOrMap, fn) {
      const entries = typeof idOrMap === "string" ? [[idOrMap, fn]] : Object.entries(idOrMap);
      for (const [id, f] of entries) {
        window.__associateCalls++;
        if (typeof f !== "function") throw new TypeError(`CustomFunctions.associate(${id}): not a function`);
        if (associated.has(id.toUpperCase())) throw new Error(`CustomFunctions.associate(${id}): associated twice`);
        associated.set(id.toUpperCase(), f);
      }
    },
  };

  // ---- Excel -----------------------------------------------------------------------------

  window.Excel = {
    ConditionalFormatType: {
      custom: "Custom",
      dataBar: "DataBar",
      colorScale: "ColorScale",
      iconSet: "IconSet",
      cellValue: "CellValue",
    },
    ChartType: { columnClustered: "ColumnClustered", pie: "Pie", line: "Line", barClustered: "BarClustered" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    ChartAxisCategoryType: { automatic: "Automatic", textAxis: "TextAxis", dateAxis: "DateAxis" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    ErrorCodes: window.OfficeExtension.ErrorCodes,
    RequestContext: Context,
    async run(a, b) {
      const batch = typeof a === "function" ? a : b;
      if (typeof batch !== "function") throw new TypeError("Excel.run: no batch function");
      book.stats.runs++;
      const context = new Context();
      const result = await batch(context);
      // Excel.run syncs what the batch queued after its last sync.
      if (context.queue.length) await context.sync();
      return result;
    },
  };
})();
