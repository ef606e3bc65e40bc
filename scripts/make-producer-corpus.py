#!/usr/bin/python3
"""
Builds test/cases/producers/: customer workbooks as the tools finance teams use write them, and
expectations.json saying what `credit-review <file> --as-of 2026-11-30 --lang en` must find in
each (test/unit/cli/producers.test.ts proves that the reviewed copy keeps every part the review
does not own, byte for byte, and that LibreOffice opens it).

  /usr/bin/python3 scripts/make-producer-corpus.py

Producers: openpyxl (Debian's python3-openpyxl: a chart, comments, a table, a data validation,
defined names; formulas it saves with an empty value; a customer list that is an Excel table),
XlsxWriter (Debian's python3-xlsxwriter: formulas saved as 0 in a workbook that asks to be
calculated when opened), LibreOffice Calc (soffice --convert-to
xlsx), Gnumeric (ssconvert), and Excel-shaped packages built here part by part from ECMA-376 (a
1904 workbook, an .xlsm with its VBA project, a pivot table with its cache, a very hidden decoy
sheet, formulas without saved values, shared and array formulas, the column mapping the task pane
keeps in the add-in's web extension part beside another add-in's). The exceljs-written workbooks
are the sample and the hostile corpus. Needs /usr/bin/python3 with openpyxl and xlsxwriter, soffice and
ssconvert; the files are committed, so the tests need none of them but soffice.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import date, datetime
from xml.sax.saxutils import escape

import openpyxl
import xlsxwriter
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "cases", "producers")
HEADERS = ["Customer ID", "Customer", "Payment history", "Contract performance", "Industry risk",
           "Market reputation", "Compliance record", "Credit limit", "Outstanding balance", "Negative news date"]
ROWS = [
    ["C1", "Alpha Trading", 1, 2, 1, 2, 1, 100000, 40000, None],
    ["C2", "Beta Metals", 3, 3, 4, 3, 3, 50000, 65000, None],
    ["C3", "Gamma Foods", 5, 4, 5, 5, 4, 80000, 20000, date(2026, 11, 2)],
    ["C4", "Delta Paper", 2, 2, 2, 2, 2, 30000, 10000, None],
]
LEDGER = [["Customer ID", "Invoice", "Due date", "Amount", "Paid"],
          ["C1", "INV-1", date(2026, 10, 1), 10000, 0],
          ["C2", "INV-2", date(2026, 7, 1), 20000, 5000],
          ["C3", "INV-3", date(2026, 12, 15), 5000, 0]]

expectations = []


def expect(file, customers, description, **extra):
    expectations.append({"file": file, "description": description, "customers": customers, **extra})


def openpyxl_customers():
    """A new openpyxl workbook whose first sheet is the customer list, its dates formatted as dates."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(HEADERS)
    for row in ROWS:
        ws.append(row)
    for r in range(2, len(ROWS) + 2):
        ws.cell(r, 10).number_format = "yyyy-mm-dd"
    return wb, ws


def openpyxl_book(path):
    wb, ws = openpyxl_customers()
    ws["B2"].comment = Comment("Key account since 2019", "credit desk")
    dv = DataValidation(type="whole", operator="between", formula1="1", formula2="5")
    ws.add_data_validation(dv)
    dv.add("C2:G1048576")
    wb.defined_names.append(DefinedName("AllFactors", attr_text="Customers!$C:$G"))
    ledger = wb.create_sheet("Invoices")
    for row in LEDGER:
        ledger.append(row)
    for r in range(2, len(LEDGER) + 1):
        ledger.cell(r, 3).number_format = "yyyy-mm-dd"
    ledger.add_table(Table(displayName="Invoices", ref=f"A1:E{len(LEDGER)}"))
    chart = BarChart()
    chart.title = "Credit limits"
    chart.add_data(Reference(ws, min_col=8, min_row=1, max_row=len(ROWS) + 1), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=2, max_row=len(ROWS) + 1))
    ws.add_chart(chart, "L2")
    wb.properties.creator = "credit-risk-addin producer corpus"
    wb.save(path)


def openpyxl_customer_table(path):
    """The customer list as an Excel table (Ctrl+T) with its style and filter buttons."""
    wb, ws = openpyxl_customers()
    table = Table(displayName="CustomerList", ref=f"A1:J{len(ROWS) + 1}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True, showColumnStripes=False)
    ws.add_table(table)
    wb.properties.creator = "credit-risk-addin producer corpus"
    wb.save(path)


def openpyxl_formulas(path):
    """Formulas as openpyxl (and pandas through it) writes them: never calculated, an empty <v></v>."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(HEADERS)
    for row in ROWS:
        ws.append(row)
    ws["C3"] = "=1+1"  # Beta's payment history
    ws["I5"] = "=4000+6000"  # Delta's outstanding balance
    for r in range(2, len(ROWS) + 2):
        ws.cell(r, 10).number_format = "yyyy-mm-dd"
    wb.properties.creator = "credit-risk-addin producer corpus"
    wb.save(path)


def xlsxwriter_formulas(path):
    """Formulas as XlsxWriter (pandas' engine when it is installed) writes them: never calculated,
    each saved with the value 0 or the one the program states, the workbook asking to be calculated
    when opened (calcPr fullCalcOnLoad)."""
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("Customers")
    dates = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, HEADERS)
    for r, row in enumerate(ROWS, start=1):
        for c, value in enumerate(row):
            if isinstance(value, date):
                ws.write_datetime(r, c, datetime(value.year, value.month, value.day), dates)
            elif value is not None:
                ws.write(r, c, value)
    ws.write_formula("G2", "=0+1")  # Alpha's compliance record, saved as 0
    ws.write_formula("I3", "=40000+25000")  # Beta's outstanding balance, over its limit, saved as 0
    ws.write_formula("I5", "=4000+6000", None, 10000)  # Delta's, saved with the value the program states
    wb.set_properties({"author": "credit-risk-addin producer corpus"})
    wb.close()


def convert(tool_args, source, target):
    work = tempfile.mkdtemp()
    try:
        subprocess.run(tool_args(source, work), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        produced = [f for f in os.listdir(work) if f.endswith(".xlsx")]
        shutil.move(os.path.join(work, produced[0]), target)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def soffice(source, work):
    profile = tempfile.mkdtemp()
    return ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx", "--outdir", work, source]


def gnumeric(source, work):
    return ["ssconvert", "--export-type=Gnumeric_Excel:xlsx2", source, os.path.join(work, "out.xlsx")]


# ---- Excel-shaped packages, part by part --------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def col(index):
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_xml(ref, value, style=None):
    s = f' s="{style}"' if style is not None else ""
    if value is None:
        return ""
    if isinstance(value, tuple):  # (formula, cached value or None, extra f attributes)
        formula, cached, attrs = value
        f = f"<f{attrs}>{formula}</f>" if formula else f"<f{attrs}/>"
        v = f"<v>{cached}</v>" if cached is not None else ""
        return f'<c r="{ref}"{s}>{f}{v}</c>'
    if isinstance(value, str):
        return f'<c r="{ref}"{s} t="inlineStr"><is><t>{value}</t></is></c>'
    return f'<c r="{ref}"{s}><v>{value}</v></c>'


def sheet_xml(rows, date_column=None, tail=""):
    out = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(cell_xml(f"{col(c)}{r}", v, 1 if c == date_column and r > 1 and isinstance(v, (int, float)) else None)
                        for c, v in enumerate(row))
        out.append(f'<row r="{r}">{cells}</row>')
    return f'{XML_HEAD}<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetData>{"".join(out)}</sheetData>{tail}</worksheet>'


def serial(d, date1904=False):
    days = (d - date(1899, 12, 30)).days
    return days - 1462 if date1904 else days


STYLES = (f'{XML_HEAD}<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
          '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
          '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
          '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
          '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def excel_package(path, sheets, date1904=False, macro=False, extra_parts=None, extra_workbook="", extra_rels=None,
                  extra_types=None, sheet_rels=None, extra_root_rels=None):
    """sheets: [(name, xml, state)]; extra parts {name: bytes}; sheet_rels {sheet index: rels xml}."""
    types = [f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
             '<Default Extension="xml" ContentType="application/xml"/>',
             '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>']
    main_type = ("application/vnd.ms-excel.sheet.macroEnabled.main+xml" if macro
                 else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
    types.append(f'<Override PartName="/xl/workbook.xml" ContentType="{main_type}"/>')
    types.append('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>')
    types.append('<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>')
    rels = [f'<Relationship Id="rIdS" Type="{REL}/styles" Target="styles.xml"/>']
    entries = []
    for i, (name, xml, state) in enumerate(sheets, start=1):
        types.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>')
        st = f' state="{state}"' if state else ""
        entries.append(f'<sheet name="{name}" sheetId="{i}"{st} r:id="rId{i}"/>')
    types += extra_types or []
    rels += extra_rels or []
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    workbook = (f'{XML_HEAD}<workbook xmlns="{MAIN}" xmlns:r="{REL}">{pr}<bookViews><workbookView activeTab="0"/></bookViews>'
                f'<sheets>{"".join(entries)}</sheets>{extra_workbook}<calcPr calcId="191029"/></workbook>')
    custom = (f'{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
              'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Portfolio"><vt:lpwstr>North</vt:lpwstr></property></Properties>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{"".join(types)}</Types>')
        z.writestr("_rels/.rels", f'{XML_HEAD}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
                   f'<Relationship Id="rId2" Type="{REL}/custom-properties" Target="docProps/custom.xml"/>{"".join(extra_root_rels or [])}</Relationships>')
        z.writestr("docProps/custom.xml", custom)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", f'{XML_HEAD}<Relationships xmlns="{PKG_REL}">{"".join(rels)}</Relationships>')
        z.writestr("xl/styles.xml", STYLES)
        for i, (_, xml, _) in enumerate(sheets, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", xml)
        for i, xml in (sheet_rels or {}).items():
            z.writestr(f"xl/worksheets/_rels/sheet{i}.xml.rels", xml)
        for name, data in (extra_parts or {}).items():
            z.writestr(name, data)


# ---- the task pane's column mapping, as Office keeps an add-in's document settings ----------
# A package relationship names the task panes part, whose relationships name each
# pane's web extension part; its <we:reference id> is the add-in's manifest <Id> (a sideloaded or
# catalog add-in) and each Office.context.document.settings entry is a <we:property>, its value
# JSON.stringify's text (compact, non-ASCII as it is) escaped as an attribute.

ADDIN_ID = "24235245-fc45-4b0a-9fd4-c19990ddf5a4"  # manifest.xml <Id>
WE_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11"
WETP_NS = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"
WE_REL = "http://schemas.microsoft.com/office/2011/relationships/webextension"
WETP_REL = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes"


def web_extension(instance, reference, settings):
    """A web extension part: reference is (id, version, store, storeType); settings {name: value set by the add-in}."""
    ref_id, version, store, store_type = reference
    props = "".join(f'<we:property name="{escape(name, {chr(34): "&quot;"})}" '
                    f'value="{escape(json.dumps(value, ensure_ascii=False, separators=(",", ":")), {chr(34): "&quot;"})}"/>'
                    for name, value in settings.items())
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<we:webextension xmlns:we="{WE_NS}" id="{instance}">'
            f'<we:reference id="{ref_id}" version="{version}" store="{store}" storeType="{store_type}"/><we:alternateReferences/>'
            f'<we:properties>{props}</we:properties><we:bindings/><we:snapshot xmlns:r="{REL}"/></we:webextension>')


def task_pane_parts(extensions):
    """The parts, relationships and content types of task panes holding these web extension parts, in order."""
    panes = "".join(f'<wetp:taskpane dockstate="right" visibility="0" width="350" row="{i}">'
                    f'<wetp:webextensionref xmlns:r="{REL}" r:id="rId{i}"/></wetp:taskpane>' for i in range(1, len(extensions) + 1))
    rels = "".join(f'<Relationship Id="rId{i}" Type="{WE_REL}" Target="webextension{i}.xml"/>' for i in range(1, len(extensions) + 1))
    parts = {
        "xl/webextensions/taskpanes.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<wetp:taskpanes xmlns:wetp="{WETP_NS}">{panes}</wetp:taskpanes>',
        "xl/webextensions/_rels/taskpanes.xml.rels": f'{XML_HEAD}<Relationships xmlns="{PKG_REL}">{rels}</Relationships>',
    }
    types = ['<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>']
    for i, xml in enumerate(extensions, start=1):
        parts[f"xl/webextensions/webextension{i}.xml"] = xml
        types.append(f'<Override PartName="/xl/webextensions/webextension{i}.xml" ContentType="application/vnd.ms-office.webextension+xml"/>')
    root_rels = [f'<Relationship Id="rIdTP" Type="{WETP_REL}" Target="xl/webextensions/taskpanes.xml"/>']
    return parts, types, root_rels


def mapped_book(path, sheet, rows, mapping):
    """A customer sheet whose headers the review needs mapped, the mapping kept by this add-in's pane,
    and another add-in's pane first, with a setting of the same name that must not be read."""
    other = web_extension("{0F3C2A1B-7D4E-4C5F-9A8B-1C2D3E4F5A6B}", ("wa104380862", "1.1.0.0", "en-US", "OMEX"),
                          {"Office.AutoShowTaskpaneWithDocument": True, "credit.columnMapping": {rows[0][7]: "balance"}})
    ours = web_extension("{6E1D5B3A-2C4F-4E8D-B7A9-0F1E2D3C4B5A}", (ADDIN_ID, "1.0.0.0", "developer", "Registry"),
                         {"credit.columnMapping": mapping})
    parts, types, root_rels = task_pane_parts([other, ours])
    excel_package(path, [(sheet, sheet_xml(rows, date_column=len(rows[0]) - 1), None)],
                  extra_parts=parts, extra_types=types, extra_root_rels=root_rels)


MAPPED_EN = ["Customer ID", "Customer", "Pay record", "Delivery record", "Industry risk", "Market reputation",
             "Compliance record", "Approved line", "Outstanding balance", "Past-due balance", "Bad press date"]
MAPPED_ZH = ["客户编号", "客户名称", "付款历史评分", "合同履约", "行业风险等级", "市场信誉", "合规情况", "信用限额（元）",
             "应收账款", "逾期账款", "负面舆情日期"]
MAPPED_ROWS = [
    ["C1", "Alpha Trading", 1, 2, 1, 2, 1, 100000, 40000, 0, None],
    ["C2", "Beta Metals", 3, 3, 4, 3, 3, 50000, 65000, 12000, None],
    ["C3", "Gamma Foods", 5, 4, 5, 5, 4, 80000, 20000, 20000, date(2026, 11, 2)],
    ["C4", "Delta Paper", 2, 2, 2, 2, 2, 30000, 10000, 0, None],
]


def mapped_rows(headers):
    return [headers] + [[serial(v) if isinstance(v, date) else v for v in row] for row in MAPPED_ROWS]


def customer_rows(date1904=False):
    rows = [HEADERS]
    for row in ROWS:
        rows.append([serial(v, date1904) if isinstance(v, date) else v for v in row])
    return rows


def ledger_rows(date1904=False):
    return [[serial(v, date1904) if isinstance(v, date) else v for v in row] for row in LEDGER]


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.remove(os.path.join(OUT, f))
    base = os.path.join(OUT, "openpyxl-chart-comments-table.xlsx")
    openpyxl_book(base)
    expect(os.path.basename(base), 4, "openpyxl (pandas' writer): a chart, a comment, a table, a whole-column validation and name",
           warnings={"4": ["NEGATIVE_NEWS"]})

    openpyxl_formulas(os.path.join(OUT, "openpyxl-formulas.xlsx"))
    expect("openpyxl-formulas.xlsx", 4, "openpyxl's formulas, saved with an empty value: reported as formulas without one, not blanks",
           warnings={"4": ["NEGATIVE_NEWS"]}, rowErrors=[{"row": 3, "contains": "formula without a saved value: =1+1"}],
           noValue=["Customers!C3", "Customers!I5"])

    xlsxwriter_formulas(os.path.join(OUT, "xlsxwriter-formulas.xlsx"))
    uncalculated = "formula saved without being calculated (the workbook asks to be calculated when opened): "
    expect("xlsxwriter-formulas.xlsx", 4, "XlsxWriter's formulas, saved as 0 (or a stated value) in a workbook that asks to be "
           "calculated when opened: reported as not calculated, never read as 0 (Beta's balance is over its limit)",
           warnings={"3": [], "4": ["NEGATIVE_NEWS"]}, rowErrors=[{"row": 2, "contains": uncalculated + "=0+1"}],
           rowNotes=[{"row": 3, "contains": uncalculated + "=40000+25000"}, {"row": 5, "contains": uncalculated + "=4000+6000"}],
           noValue=["Customers!G2", "Customers!I3", "Customers!I5"])

    convert(soffice, base, os.path.join(OUT, "libreoffice-calc.xlsx"))
    expect("libreoffice-calc.xlsx", 4, "the openpyxl workbook saved by LibreOffice Calc", warnings={"4": ["NEGATIVE_NEWS"]})
    convert(gnumeric, base, os.path.join(OUT, "gnumeric.xlsx"))
    expect("gnumeric.xlsx", 4, "the openpyxl workbook saved by Gnumeric (ssconvert)", warnings={"4": ["NEGATIVE_NEWS"]})

    # 1904 date system: the news date of C3 and the ledger's due dates stored 1,462 days lower.
    excel_package(os.path.join(OUT, "excel-1904-dates.xlsx"),
                  [("Customers", sheet_xml(customer_rows(True), date_column=9), None),
                   ("Invoices", sheet_xml(ledger_rows(True), date_column=2), None)], date1904=True)
    expect("excel-1904-dates.xlsx", 4, "a workbook in the 1904 date system: dates read and written in it",
           warnings={"3": ["OVER_LIMIT", "OVERDUE_90"], "4": ["NEGATIVE_NEWS"]}, date1904=True)

    # A macro-enabled workbook: its VBA project (opaque bytes) must come back as it was.
    vba = bytes(range(256)) * 16
    excel_package(os.path.join(OUT, "excel-macros.xlsm"),
                  [("Customers", sheet_xml(customer_rows()), None)], macro=True,
                  extra_parts={"xl/vbaProject.bin": vba},
                  extra_rels=[f'<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'])
    expect("excel-macros.xlsm", 4, "an .xlsm with a VBA project: the copy is an .xlsm with the same project")

    # A very hidden decoy customer sheet before the real one, which must not be picked.
    decoy = [HEADERS, ["X1", "Decoy", 5, 5, 5, 5, 5, 1, 1, None]]
    excel_package(os.path.join(OUT, "excel-very-hidden-sheet.xlsx"),
                  [("Staging", sheet_xml(decoy), "veryHidden"), ("Customers", sheet_xml(customer_rows(), date_column=9), None)])
    expect("excel-very-hidden-sheet.xlsx", 4, "a very hidden customer-like sheet first: the visible one is reviewed",
           sheet="Customers")

    # Formulas: a shared formula, an array formula, and formulas without saved values.
    rows = customer_rows()
    rows[0] = rows[0] + ["Factor sum", "Max factor"]
    rows[1] = rows[1] + [("SUM(C2:G2)", 7, ' t="shared" ref="K2:K5" si="0"'), ("MAX(C2:G2)", 2, ' t="array" ref="L2"')]
    rows[2] = rows[2] + [("", 16, ' t="shared" si="0"'), ("MAX(C3:G3)", 4, ' t="array" ref="L3"')]
    rows[3] = rows[3] + [("", 23, ' t="shared" si="0"'), ("MAX(C4:G4)", None, "")]
    rows[4] = rows[4] + [("", None, ' t="shared" si="0"'), None]
    rows[2][2] = ("D3", None, "")  # Beta's payment history: a formula never calculated
    excel_package(os.path.join(OUT, "excel-formulas.xlsx"), [("Customers", sheet_xml(rows, date_column=9), None)])
    expect("excel-formulas.xlsx", 4, "shared and array formulas read by their saved values; formulas without one are reported",
           rowErrors=[{"row": 3, "contains": "formula without a saved value: =D3"}], noValue=["Customers!C3", "Customers!L4", "Customers!K5"])

    # A pivot table over the customers, with its cache: parts the review must carry over untouched.
    cache = (f'{XML_HEAD}<pivotCacheDefinition xmlns="{MAIN}" xmlns:r="{REL}" r:id="rId1" refreshOnLoad="1" recordCount="0">'
             f'<cacheSource type="worksheet"><worksheetSource ref="A1:I5" sheet="Customers"/></cacheSource><cacheFields count="2">'
             '<cacheField name="Customer ID" numFmtId="0"><sharedItems/></cacheField>'
             '<cacheField name="Credit limit" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="30000" maxValue="100000"/></cacheField>'
             '</cacheFields></pivotCacheDefinition>')
    records = f'{XML_HEAD}<pivotCacheRecords xmlns="{MAIN}" count="0"/>'
    pivot = (f'{XML_HEAD}<pivotTableDefinition xmlns="{MAIN}" name="Limits" cacheId="1" dataCaption="Values" updatedVersion="6" '
             'createdVersion="6" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" '
             'applyAlignmentFormats="0" applyWidthHeightFormats="1"><location ref="A3:B4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>'
             '<pivotFields count="2"><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields>'
             '<rowItems count="1"><i/></rowItems><colItems count="1"><i/></colItems>'
             '<dataFields count="1"><dataField name="Sum of Credit limit" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>')
    excel_package(
        os.path.join(OUT, "excel-pivot-table.xlsx"),
        [("Customers", sheet_xml(customer_rows(), date_column=9), None), ("Pivot", sheet_xml([["Pivot of credit limits"]]), None)],
        extra_parts={
            "xl/pivotCache/pivotCacheDefinition1.xml": cache,
            "xl/pivotCache/pivotCacheRecords1.xml": records,
            "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": f'{XML_HEAD}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>',
            "xl/pivotTables/pivotTable1.xml": pivot,
            "xl/pivotTables/_rels/pivotTable1.xml.rels": f'{XML_HEAD}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>',
        },
        extra_workbook='<pivotCaches><pivotCache cacheId="1" r:id="rIdP"/></pivotCaches>',
        extra_rels=[f'<Relationship Id="rIdP" Type="{REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>'],
        extra_types=[
            '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>',
            '<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>',
            '<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>',
        ],
        sheet_rels={2: f'{XML_HEAD}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>'},
    )
    expect("excel-pivot-table.xlsx", 4, "a pivot table and its cache on another sheet, and custom document properties")

    # The task pane's column mapping, kept in the workbook: headers the review reads only through it
    # (optional ones among them), an entry for a header no longer on the sheet and one naming no
    # field; another add-in's pane, first, keeps a setting of the same name.
    en_mapping = {"Pay record": "paymentHistory", "Delivery record": "contractPerformance", "Approved line": "creditLimit",
                  "Past-due balance": "overdueAmount", "Bad press date": "negativeNewsDate",
                  "Credit line (old)": "creditLimit", "Sales rep": "accountManager"}
    mapped_book(os.path.join(OUT, "excel-task-pane-mapping.xlsx"), "Customers", mapped_rows(MAPPED_EN), en_mapping)
    expect("excel-task-pane-mapping.xlsx", 4, "the column mapping the task pane keeps in the workbook, beside another add-in's pane",
           sheet="Customers", warnings={"3": ["OVER_LIMIT"], "4": ["NEGATIVE_NEWS"]},
           mapped={h: f for h, f in en_mapping.items() if h in MAPPED_EN})
    zh_mapping = {"付款历史评分": "paymentHistory", "合同履约": "contractPerformance", "行业风险等级": "industryRisk",
                  "市场信誉": "marketReputation", "合规情况": "complianceRecord", "信用限额（元）": "creditLimit",
                  "逾期账款": "overdueAmount", "负面舆情日期": "negativeNewsDate"}
    mapped_book(os.path.join(OUT, "excel-task-pane-mapping-zh.xlsx"), "客户信用", mapped_rows(MAPPED_ZH), zh_mapping)
    expect("excel-task-pane-mapping-zh.xlsx", 4, "the column mapping of Chinese headers the task pane keeps in the workbook",
           sheet="客户信用", warnings={"3": ["OVER_LIMIT"], "4": ["NEGATIVE_NEWS"]},
           mapped=zh_mapping)

    # The customer list as an Excel table: the review's columns join it (its part's ref, filter and columns grow).
    openpyxl_customer_table(os.path.join(OUT, "openpyxl-customer-table.xlsx"))
    expect("openpyxl-customer-table.xlsx", 4, "openpyxl: the customer list is an Excel table, grown over the review's columns",
           warnings={"4": ["NEGATIVE_NEWS"]}, customerTable={"part": "xl/tables/table1.xml", "ref": "A1:AD5"})

    with open(os.path.join(OUT, "expectations.json"), "w") as f:
        json.dump({"asOf": "2026-11-30", "lang": "en", "cases": expectations}, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"{len(expectations)} workbooks in {os.path.relpath(OUT)}")


if __name__ == "__main__":
    sys.exit(main())
