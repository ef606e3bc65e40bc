/** The review's results: portfolio summary, the customer grid with its filters, and one customer's details. */
import {
  Button,
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Field,
  Input,
  makeStyles,
  Select,
  SortDirection,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableColumnDefinition,
  TableColumnId,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { isoFromSerial } from "../../engine/cells";
import { describeError } from "../../engine/errors";
import { Lang, MessageKey } from "../../engine/i18n";
import { GRADES } from "../../engine/policy";
import { CustomerResult, ReviewResult } from "../../engine/review/review";
import {
  customerName,
  explainFinding,
  findingTitle,
  formatFigure,
  gradeName,
  monitoringName,
  portfolioWarningList,
  recommendationText,
  warningList,
  zoneName,
} from "../../engine/review/texts";
import { useLang } from "../i18n";
import { filterCustomers, GradeFilter } from "../model";

/** Rows rendered at once; "Show more" adds as many again (a 100,000-row sheet stays responsive). */
export const PAGE_SIZE = 200;

/**
 * Column widths for a 320–500 px pane: row, name, score and grade fit side by side and the
 * name stays readable; warnings and recommendation continue to the right (the grid scrolls
 * inside its box, and the detail view below shows them in full). Widths can be dragged.
 */
const COLUMN_SIZES = {
  row: { idealWidth: 36, minWidth: 32 },
  customer: { idealWidth: 140, minWidth: 80 },
  score: { idealWidth: 44, minWidth: 40 },
  grade: { idealWidth: 56, minWidth: 48 },
  warnings: { idealWidth: 180, minWidth: 100 },
  recommendation: { idealWidth: 260, minWidth: 120 },
};

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, "& > *": { flexGrow: 1, minWidth: "140px" } },
  scroller: { overflowX: "auto", maxWidth: "100%" },
  grid: { width: "max-content", minWidth: "100%" },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "break-word", minWidth: 0 },
});

function gradeLabel(c: CustomerResult, lang: Lang, t: (k: MessageKey) => string): string {
  if (c.errors.length > 0 || !c.grade) return t("ui.grid.error");
  return gradeName(c.grade, lang);
}

export function PortfolioSummary({ result }: { result: ReviewResult }) {
  const { lang, t } = useLang();
  const styles = useStyles();
  const p = result.portfolio;
  const money = (v: number) => formatFigure(v, "money", lang);
  const facts: [string, string][] = [
    [t("summary.customers"), String(p.reviewed)],
    [t("summary.withErrors"), String(p.withErrors)],
    [t("summary.exposure"), money(p.exposure)],
    [
      t("summary.overdueShare"),
      p.overdueShare === undefined ? t("summary.notAvailable") : formatFigure(p.overdueShare, "percent", lang),
    ],
    [t("summary.portfolioWarnings"), portfolioWarningList(p.warnings, lang, result.policy)],
  ];
  return (
    <section aria-labelledby="portfolio-heading" className={styles.section}>
      <Subtitle2 as="h2" id="portfolio-heading">
        {t("ui.summary.heading")}
      </Subtitle2>
      <FactList facts={facts} />
      <Table size="small" aria-label={t("ui.summary.byGrade")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("summary.grade")}</TableHeaderCell>
            <TableHeaderCell>{t("summary.gradeCustomers")}</TableHeaderCell>
            <TableHeaderCell>{t("summary.gradeExposure")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {GRADES.map((g) => (
            <TableRow key={g}>
              <TableCell>{gradeName(g, lang)}</TableCell>
              <TableCell>{p.byGrade[g]}</TableCell>
              <TableCell>{money(p.exposureByGrade[g])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

export interface CustomerGridProps {
  readonly customers: readonly CustomerResult[];
  readonly selectedRow?: number;
  onSelect(c: CustomerResult): void;
}

type Sort = { sortColumn: TableColumnId | undefined; sortDirection: SortDirection };

export function CustomerGrid({ customers, selectedRow, onSelect }: CustomerGridProps) {
  const { lang, t } = useLang();
  const styles = useStyles();
  const [grade, setGrade] = useState<GradeFilter>("all");
  const [search, setSearch] = useState("");
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [sort, setSort] = useState<Sort>({ sortColumn: "row", sortDirection: "ascending" });

  const columns: TableColumnDefinition<CustomerResult>[] = useMemo(() => {
    const gradeRank = (c: CustomerResult) => (c.errors.length > 0 || !c.grade ? GRADES.length : GRADES.indexOf(c.grade));
    const warnings = (c: CustomerResult) =>
      c.errors.length > 0 ? t("ui.grid.errorCount", { count: c.errors.length }) : warningList(c.findings, lang);
    return [
      createTableColumn<CustomerResult>({
        columnId: "row",
        compare: (a, b) => a.row - b.row,
        renderHeaderCell: () => t("ui.grid.row"),
        renderCell: (c) => c.row,
      }),
      createTableColumn<CustomerResult>({
        columnId: "customer",
        compare: (a, b) => customerName(a).localeCompare(customerName(b), lang === "zh" ? "zh-CN" : "en"),
        renderHeaderCell: () => t("ui.grid.customer"),
        renderCell: (c) => <TableCellLayout truncate>{customerName(c)}</TableCellLayout>,
      }),
      createTableColumn<CustomerResult>({
        columnId: "score",
        compare: (a, b) => (a.score ?? -Infinity) - (b.score ?? -Infinity),
        renderHeaderCell: () => t("ui.grid.score"),
        renderCell: (c) => (c.score === undefined ? "" : formatFigure(c.score, "score", lang)),
      }),
      createTableColumn<CustomerResult>({
        columnId: "grade",
        compare: (a, b) => gradeRank(a) - gradeRank(b),
        renderHeaderCell: () => t("ui.grid.grade"),
        renderCell: (c) => gradeLabel(c, lang, t),
      }),
      createTableColumn<CustomerResult>({
        columnId: "warnings",
        compare: (a, b) => a.errors.length - b.errors.length || a.findings.length - b.findings.length,
        renderHeaderCell: () => t("ui.grid.warnings"),
        renderCell: (c) => <TableCellLayout truncate>{warnings(c)}</TableCellLayout>,
      }),
      createTableColumn<CustomerResult>({
        columnId: "recommendation",
        compare: (a, b) => a.actions.length - b.actions.length,
        renderHeaderCell: () => t("ui.grid.recommendation"),
        renderCell: (c) => (
          <TableCellLayout truncate>{c.errors.length ? "" : recommendationText(c.actions, lang)}</TableCellLayout>
        ),
      }),
    ];
  }, [lang, t]);

  const filtered = useMemo(() => {
    const list = filterCustomers(customers, grade, search);
    const column = columns.find((c) => c.columnId === sort.sortColumn);
    if (column) {
      list.sort(column.compare);
      if (sort.sortDirection === "descending") list.reverse();
    }
    return list;
  }, [customers, grade, search, columns, sort]);
  const shown = filtered.slice(0, limit);

  return (
    <section aria-labelledby="grid-heading" className={styles.section}>
      <Subtitle2 as="h2" id="grid-heading">
        {t("ui.grid.heading")}
      </Subtitle2>
      <div className={styles.filters}>
        <Field label={t("ui.filter.grade")}>
          <Select
            value={grade}
            onChange={(_, data) => {
              setGrade(data.value as GradeFilter);
              setLimit(PAGE_SIZE);
            }}
          >
            <option value="all">{t("ui.filter.all")}</option>
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {gradeName(g, lang)}
              </option>
            ))}
            <option value="errors">{t("ui.filter.errors")}</option>
          </Select>
        </Field>
        <Field label={t("ui.filter.search")}>
          <Input
            type="search"
            value={search}
            placeholder={t("ui.filter.searchPlaceholder")}
            onChange={(_, data) => {
              setSearch(data.value);
              setLimit(PAGE_SIZE);
            }}
          />
        </Field>
      </div>
      <Text role="status" aria-live="polite">
        {filtered.length === 0 ? t("ui.grid.empty") : t("ui.grid.showing", { shown: shown.length, total: filtered.length })}
      </Text>
      {shown.length > 0 && (
        <div className={styles.scroller}>
          <DataGrid
            className={styles.grid}
            resizableColumns
            columnSizingOptions={COLUMN_SIZES}
            items={shown}
            columns={columns}
            sortable
            sortState={sort}
            onSortChange={(_, next) => setSort(next)}
            getRowId={(c: CustomerResult) => c.row}
            selectionMode="single"
            subtleSelection
            selectedItems={selectedRow === undefined ? [] : [selectedRow]}
            onSelectionChange={(_, data) => {
              const row = [...data.selectedItems][0];
              const c = customers.find((x) => x.row === row);
              if (c) onSelect(c);
            }}
            focusMode="composite"
            aria-label={t("ui.grid.label")}
            size="small"
          >
            <DataGridHeader>
              <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
            </DataGridHeader>
            <DataGridBody<CustomerResult>>
              {({ item, rowId }) => (
                <DataGridRow<CustomerResult>
                  key={rowId}
                  selectionCell={{ radioIndicator: { "aria-label": t("ui.grid.select", { name: customerName(item) }) } }}
                >
                  {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
                </DataGridRow>
              )}
            </DataGridBody>
          </DataGrid>
        </div>
      )}
      {shown.length < filtered.length && <Button onClick={() => setLimit((n) => n + PAGE_SIZE)}>{t("ui.grid.showMore")}</Button>}
    </section>
  );
}

/** Term–value pairs as a description list (the summary's figures, a customer's details). */
function FactList({ facts }: { facts: readonly (readonly [string, string])[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {facts.map(([term, value]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CustomerDetail({ customer }: { customer?: CustomerResult }) {
  const { lang, t } = useLang();
  const styles = useStyles();
  if (!customer) {
    return (
      <section aria-labelledby="detail-heading" className={styles.section}>
        <Subtitle2 as="h2" id="detail-heading">
          {t("ui.detail.heading")}
        </Subtitle2>
        <Text>{t("ui.detail.none")}</Text>
      </section>
    );
  }
  const c = customer;
  const facts: [string, string][] = [[t("ui.detail.id"), c.id]];
  if (c.score !== undefined) facts.push([t("ui.detail.score"), formatFigure(c.score, "score", lang)]);
  if (c.previousScore !== undefined) facts.push([t("ui.detail.previousScore"), formatFigure(c.previousScore, "score", lang)]);
  facts.push([t("ui.detail.grade"), gradeLabel(c, lang, t)]);
  if (c.zScore !== undefined)
    facts.push([t("ui.detail.zScore"), `${formatFigure(c.zScore, "z", lang)}${c.zZone ? ` (${zoneName(c.zZone, lang)})` : ""}`]);
  if (c.errors.length === 0) {
    facts.push([t("ui.detail.recommendation"), recommendationText(c.actions, lang)]);
    if (c.recommendedLimit !== undefined) facts.push([t("ui.detail.limit"), formatFigure(c.recommendedLimit, "money", lang)]);
    if (c.monitoring) facts.push([t("ui.detail.monitoring"), monitoringName(c.monitoring, c.monitoringMonths ?? 0, lang)]);
    if (c.nextReview !== undefined) facts.push([t("ui.detail.nextReview"), isoFromSerial(c.nextReview)]);
  }
  return (
    <section aria-labelledby="detail-heading" className={styles.section}>
      <Subtitle2 as="h2" id="detail-heading">
        {t("ui.detail.heading")}
      </Subtitle2>
      <Text weight="semibold">{customerName(c)}</Text>
      <Text>{t("ui.detail.row", { row: c.row })}</Text>
      <FactList facts={facts} />
      {c.errors.length > 0 ? (
        <>
          <Subtitle2 as="h3">{t("ui.detail.errors")}</Subtitle2>
          <ul className={styles.list}>
            {c.errors.map((e, i) => (
              <li key={i}>{describeError(e, lang)}</li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <Subtitle2 as="h3">{t("ui.detail.findings")}</Subtitle2>
          {c.findings.length === 0 ? (
            <Text>{t("ui.detail.noFindings")}</Text>
          ) : (
            <ul className={styles.list}>
              {c.findings.map((f) => (
                <li key={f.code}>
                  <Text weight="semibold">{findingTitle(f, lang)}</Text>
                  {": "}
                  <span>{explainFinding(f, lang)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
