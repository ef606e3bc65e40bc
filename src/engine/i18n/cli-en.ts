/**
 * The command line's own English texts (its help, usage errors, file reasons and printed report
 * lines): a catalogue of their own, added to the product's by ./cli.ts, so that the custom
 * functions' and the task pane's bundles do not carry them.
 */
export const cliEn = {
  "cli.more": "… and {count} more {count|customer|customers} (see the output workbook, or use --json)",
  "cli.columns": "Columns (header on row {row}):",
  "cli.columnsUnknown": "Not recognised",
  "cli.columnsUnknownHeader": 'column {column} "{header}"',
  "cli.columnsMeant": '{header} (did you mean "{meant}"?)',
  "cli.columnsMore": "… and {count} more",
  "cli.columnsRepeated": "Repeated",
  "cli.columnsRepeat": "column {column} repeats {field} (column {usedColumn} is read)",
  "cli.columnsNotChecked": "Not checked",
  "cli.heading": "{title} — {sheet}, as of {date}",
  "cli.warningCounts": "Customers per warning",
  "cli.gradeCounts": "Customers per grade",
  // A customer's credit limit and the recommended one, in the stacked table: "Limit: 540,000.00 → 270,000.00".
  "cli.limits": "Limit",
  "cli.reading": "Reading {file}…",
  "cli.reviewing": 'Reviewing {count} rows of "{sheet}"…',
  "cli.writing": "Writing {file}…",
  "cli.noSheet": 'no sheet named "{sheet}"; the workbook has: {sheets}',
  "cli.sheetIsOwn": 'sheet "{sheet}" is the review\'s own {kind@cli.ownSheet} sheet, not a customer sheet; {then}',
  "cli.ownSheet.summary": "summary",
  "cli.ownSheet.archive": "archive",
  "cli.ownSheet.policy": "policy",
  "cli.ownSheet.policyHistory": "policy history",
  "cli.sheetIsLedger":
    'sheet "{sheet}" is an invoice ledger, not a customer sheet: the review ages its invoices for the customers of a customer sheet; {then}',
  "cli.reviewCustomersWith": 'review the customers with --sheet "{suggest}"',
  "cli.noCustomerSheet": "no sheet with customer columns (payment history, contract performance, …); the workbook has: {sheets}",
  "cli.pickedOthers":
    'Reviewed "{sheet}" ({reason}). Also like a customer sheet: {others}; review {count|it|one of them} with --sheet "{first}"{count||, or another of those names}',
  "cli.langOfHeaders":
    'In English, the language of "{sheet}"\'s headers (the locale names none; --lang zh writes the review in Chinese)',
  "cli.langOfLastReview": 'In English, as "{sheet}" was last reviewed (--lang zh writes the review in Chinese)',
  "cli.pickedActive": "the active sheet",
  "cli.pickedFirst": "the first customer sheet",
  "cli.pickedFirstHidden": "the first customer sheet, hidden: no visible sheet holds customers",
  "cli.quotedSheet": '"{sheet}"',
  "cli.mappingUsed": "Headers mapped by hand in the task pane, kept in the workbook: {columns}",
  "cli.mappingColumn": '{column} "{header}" as {field}',
  "cli.mappingNoneUsed":
    "A column mapping made in the task pane is kept in the workbook; none of its headers was read on this sheet",
  "cli.mappingUnused": "Mapped by hand but not read: {entries}",
  "cli.mappingNotOnSheet": '"{header}" (no such header on this sheet)',
  "cli.mappingFieldTaken": '"{header}" ({field} is read from column {column})',
  "cli.mappingReviewColumn": '"{header}" (one of the review\'s own columns)',
  "cli.mappingUnknownField": '"{header}" (the review has no field "{field}")',
  "cli.mappingUnreadable":
    "the column mapping kept in the workbook ({part}) could not be read: {reason}; the review went on without it",
  "cli.mappingNotJson": "its value is not JSON ({detail})",
  "cli.mappingNotTable": "its value is not a table of headers and fields",
  "cli.mappingNotXml": "the part is not well-formed XML ({detail})",
  "cli.notXlsx": "{file} is not a readable .xlsx workbook ({reason})",
  // A package that cannot be read or written: the remedy's line, with the problem in it (src/cli/package/package-error.ts).
  "cli.damagedFile":
    "{file} is incomplete or damaged: {problem}. A file copied while it was still being written or downloaded looks like this: copy or save it again, then run the review again",
  "cli.encryptedFile":
    "{file} could not be unpacked: {problem}, as in a file packed with a password. Save the workbook again without a password, then run the review again",
  "cli.brokenFile":
    "{file} could not be read: {problem}. The program that wrote the file broke it: open it in Excel or LibreOffice, save it, then run the review again",
  "cli.notWorkbookPackage":
    "{file} is a zip file but not an .xlsx workbook: {problem}. Open the workbook in Excel, save it as an .xlsx workbook, then run the review again",
  "cli.copyNotWritten": "the reviewed copy of {file} could not be written: {problem}; nothing was written",
  "cli.package.unreadableZip": "its list of parts could not be read ({detail})",
  "cli.package.partUnreadable": "its part {part} could not be unpacked ({detail})",
  "cli.package.partEndsEarly": "its part {part} ends early",
  "cli.package.partChecksum": "its part {part} does not match the checksum the file gives for it",
  "cli.package.encryptedPart": "its part {part} is encrypted",
  "cli.package.compression": "its part {part} is compressed with method {method}, which spreadsheet programs do not write",
  "cli.package.sheetPartMissing": 'sheet "{sheet}" is missing: the file has no part {part}',
  "cli.package.rowOrder": 'on sheet "{sheet}", row {row} comes after row {previous}',
  "cli.package.cellRow": 'on sheet "{sheet}", a cell of row {row} sits in row {inRow}',
  "cli.package.sharedString": 'cell {cell} of sheet "{sheet}" names text number {index}, which the file does not hold',
  "cli.package.noCellData": 'sheet "{sheet}" has no cell data',
  "cli.package.badXmlPart": "its part {part} is not well-formed XML ({detail})",
  "cli.package.badXml": "one of its parts is not well-formed XML ({detail})",
  "cli.package.noContentTypes": "it has no [Content_Types].xml, the list every Office file has",
  "cli.package.noWorkbookPart": "it holds no workbook part",
  "cli.package.outputTooLarge":
    "it would pass 4 GiB, the most a workbook written here may be; review the customers in smaller workbooks",
  "cli.package.partTooLarge":
    "its part {part} would pass 4 GiB, the most a part written here may be; review the customers in smaller workbooks",
  "cli.package.workerFailed": 'writing sheet "{sheet}" failed ({detail})',
  "cli.package.workerStopped": 'writing sheet "{sheet}" stopped (exit code {code})',
  "cli.nodeTooOld": "credit-review needs Node.js 20.15 or later; this is Node.js {version}",
  "cli.sameAsInput": "--out must not be the input workbook; the input is never overwritten",
  "cli.badAsOf": '--as-of must be a date, year first, like 2026-11-30, got "{value}"',
  "cli.asOfNoSuchDay": "--as-of {value}: there is no such day ({month} has {days} days)",
  "cli.asOfFar": "--as-of: {reason}",
  "cli.badPolicy": "policy file {file}: {reason}",
  "cli.writeFailed": "could not write {file} ({reason}); nothing was written",
  "cli.tooManyParts": "{file} has {count} parts; the command line reads workbooks of at most {limit}",
  "cli.partTooLarge": "part {part} is {size} uncompressed; the command line reads parts of at most {limit}",
  "cli.readTooLarge": "the parts to read add up to {size} uncompressed; the command line reads at most {limit}",
  "cli.partRatio":
    "part {part} would inflate to {ratio} times its compressed size (at most {limit} times): not a workbook a spreadsheet program writes",
  "cli.outsideGrid": 'sheet "{sheet}": cell {cell} is outside Excel\'s grid (rows 1 to 1,048,576, columns A to XFD)',
  "cli.tooManyCells": "the sheets to read hold more than {limit} cells, the most the command line reads",
  "cli.cellsPastMemory":
    "the sheets to read hold more than {limit} cells, the most node's memory here ({heap}) holds: run it with more, NODE_OPTIONS=--max-old-space-size={suggest} on a machine with that many MB free",
  "cli.reviewPastMemory":
    'reviewing the {rows} rows of sheet "{sheet}" needs about {need} of memory, more than node may use here ({heap}): run it with NODE_OPTIONS=--max-old-space-size={suggest} on a machine with that many MB free, or review the customers in smaller sheets',
  "cli.sheetFull": 'sheet "{sheet}" would pass Excel\'s last row (1,048,576): move older rows to another workbook and run again',
  "cli.policyTooLarge": "policy file {file} is larger than {limit}, the most a policy file may be",
  "cli.policyFileOverSheet":
    'policy file {file} sets {settings}; the other settings are those on the workbook\'s "{sheet}" sheet',
  "cli.policyFileOverDefaults":
    "policy file {file} sets {settings}; the other settings are the defaults (the workbook has no policy sheet)",
  "cli.policyLabelKey": 'policy file {file}: "{key}" is the setting\'s label on the policy sheet; the file names it "{setting}"',
  "cli.policyKeyTwice": 'policy file {file}: "{key}" is set twice; keep the one you mean',
  "cli.policyUnknownKey": 'policy file {file}: unknown setting "{key}"; did you mean "{nearest}"?',
  "cli.policyUnknownKeyAlone": 'policy file {file}: unknown setting "{key}"; the settings are {settings}',
  "cli.keepXlsm": "--out {file}: the workbook has macros (.xlsm), so its reviewed copy must be an .xlsm too",
  "cli.outExtension": "--out {file}: the reviewed copy is an Excel workbook, so its name must end in .xlsx",
  "cli.outNoFolder": "--out {file}: the folder {folder} does not exist; create it first or name another",
  "cli.stdoutFailed": "the report could not be written to standard output ({reason}); the exit status is 2",
  "cli.outNotFile": "--out {file} is not a regular file (a device, a FIFO or a socket); name a file to write",
  "cli.noValue":
    "{count} formula cell(s) have no saved value, reported instead of read as blank: {cells}. Open and save the workbook in Excel or LibreOffice to compute them",
  "cli.noValueUncalculated":
    "{count} formula cell(s) not read: the workbook asks to be calculated when it is opened (a program that does not calculate saved it), so the values saved with its formulas (often 0) are not their results: {cells}. Open and save the workbook in Excel or LibreOffice to compute them",
  "cli.formulaNoValue": "formula without a saved value: ={formula}",
  "cli.manualCalculation":
    "the workbook is set to Manual calculation and not to calculate before saving: the {count} formula result(s) read are those Excel last calculated, which may predate its last edits. Open it in Excel, press F9, save it and review it again to be sure",
  "cli.formulaNotCalculated":
    "formula saved without being calculated (the workbook asks to be calculated when opened): ={formula}",
  "cli.usage":
    "Usage: credit-review <workbook.xlsx> [--sheet NAME] [--as-of YYYY-MM-DD] [--policy FILE.json] [--lang en|zh] [--out OUT.xlsx] [--json]",
  "cli.help": `Reviews every customer on a sheet of the workbook (.xlsx or .xlsm) against the credit policy's
warning thresholds and writes the recommendations to OUT (default: <workbook>.reviewed-<as-of>.xlsx
beside it, .xlsm for an .xlsm, " (2)" added rather than replace a file there; the input is never
changed).

  --sheet NAME      the customer sheet (default: the active sheet when it has customer headers,
                    else the first visible sheet with them, else the first such hidden one;
                    headers mapped by hand in the task pane count)
  --as-of DATE      review date, year first: 2026-11-30, 2026/11/30 or 20261130 (default: today)
  --policy FILE     policy JSON: the settings it names, over the workbook's "Credit Policy" sheet
                    (default: that sheet, else the defaults)
  --lang en|zh      language of the output and of these messages (default: the language the
                    sheet was last reviewed in, else from LC_ALL, LC_MESSAGES or LANG, else
                    the language of the sheet's headers)
  --out FILE        where to write the reviewed workbook (a file there is replaced)
  --json            print the result as JSON instead of a table
  -h, --help        this text
  --version         the version

Exit status: 0 review done (with or without warnings), 2 bad input, 1 internal error.`,
  "cli.unknownOption": "unknown option {option}; did you mean {nearest}?",
  "cli.unknownOptionAlone": "unknown option {option}; the options are {options}",
  "cli.optionNeedsValue": "{option} needs a value",
  "cli.optionTakesNoValue": "{option} takes no value",
  "cli.noWorkbook": "no workbook given",
  "cli.oneWorkbook": "one workbook at a time, got {count}",
  "cli.badLang": '--lang must be en or zh, got "{value}"',
  "cli.reason.noFile": "no such file",
  "cli.reason.denied": "permission denied",
  "cli.reason.notFile": "not a regular file",
  "cli.reason.pathThroughFile": "a folder on its path is a file",
  "cli.reason.diskFull": "no space left on the disk",
  "cli.reason.readOnly": "the disk is read-only",
  "cli.reason.system": "the system says {code}",
  "cli.reason.notZip": "not a zip-based .xlsx file",
  "cli.reason.compoundFile":
    "an Excel 97–2003 .xls workbook, or one saved with a password: save it in Excel with File › Save As as an .xlsx workbook without a password, and run the review again",
  "cli.reason.openDocument":
    "an OpenDocument spreadsheet (.ods): save it in LibreOffice Calc with File › Save As, file type “Excel 2007-365 (.xlsx)”, and run the review again",
  "cli.reason.text":
    "a text file, such as a CSV export, not a workbook: open it in Excel or LibreOffice Calc, save it as an .xlsx workbook, and run the review again",
  "cli.reason.empty": "an empty file, 0 bytes",
  "cli.reason.markup":
    "a web page or XML file (some systems export these under a spreadsheet's name), not an .xlsx workbook: open it in Excel, save it as an .xlsx workbook, and run the review again",
  "cli.reason.jsonEmpty": "empty: no JSON in it",
  "cli.reason.utf16": "the file is UTF-16 (as Windows PowerShell's > writes it); save it as UTF-8",
  "cli.reason.notJson": "not valid JSON",
  "cli.reason.jsonEnd": "not valid JSON: it ends at line {line}, column {column}, before its last value or bracket is complete",
  "cli.reason.jsonUnexpected": "not valid JSON at line {line}, column {column}: unexpected “{found}”",
  "cli.reason.jsonControl":
    "not valid JSON at line {line}, column {column}: a line break or other control character inside quotes (write a line break as \\n)",
  "cli.reason.notJsonObject": "not a JSON object of settings",
  "cli.problems": "Customers with problems ({count}):",
  "cli.problemsMore": "Customers with problems ({count}; {problems} problems):",
} as const;

export type CliMessageKey = keyof typeof cliEn;
