/** The reviewed customers as a sortable, filterable grid; choosing a row selects it on the sheet. */
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
  TableCellLayout,
  TableColumnDefinition,
  TableColumnId,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { MessageKey } from "../../engine/i18n";
import { GRADES } from "../../engine/policy";
import { CustomerResult } from "../../engine/review/review";
import { formatFigure, recommendationText, warningTitle } from "../../engine/review/texts";
import { useLang } from "../i18n";
import { filterCustomers, GradeFilter, gradeLabel } from "../model";
import { usePanelStyles } from "./styles";

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
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, "& > *": { flexGrow: 1, minWidth: "140px" } },
  scroller: { overflowX: "auto", maxWidth: "100%" },
  grid: { width: "max-content", minWidth: "100%" },
});

export interface CustomerGridProps {
  readonly customers: readonly CustomerResult[];
  readonly selectedRow?: number;
  onSelect(c: CustomerResult): void;
}

type Sort = { sortColumn: TableColumnId | undefined; sortDirection: SortDirection };

export function CustomerGrid({ customers, selectedRow, onSelect }: CustomerGridProps) {
  const { lang, t } = useLang();
  const styles = useStyles();
  const panel = usePanelStyles();
  const [grade, setGrade] = useState<GradeFilter>("all");
  const [search, setSearch] = useState("");
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [sort, setSort] = useState<Sort>({ sortColumn: "row", sortDirection: "ascending" });

  const columns: TableColumnDefinition<CustomerResult>[] = useMemo(() => {
    const gradeRank = (c: CustomerResult) => (c.errors.length > 0 || !c.grade ? GRADES.length : GRADES.indexOf(c.grade));
    const warnings = (c: CustomerResult) =>
      c.errors.length > 0
        ? t("ui.grid.errorCount", { count: c.errors.length })
        : c.findings.map((f) => warningTitle(f.code, lang)).join("; ");
    return [
      createTableColumn<CustomerResult>({
        columnId: "row",
        compare: (a, b) => a.row - b.row,
        renderHeaderCell: () => t("ui.grid.row"),
        renderCell: (c) => c.row,
      }),
      createTableColumn<CustomerResult>({
        columnId: "customer",
        compare: (a, b) => (a.name || a.id).localeCompare(b.name || b.id, lang === "zh" ? "zh-CN" : "en"),
        renderHeaderCell: () => t("ui.grid.customer"),
        renderCell: (c) => <TableCellLayout truncate>{c.name || c.id}</TableCellLayout>,
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
        renderCell: (c) => gradeLabel(c, t),
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
    <section aria-labelledby="grid-heading" className={panel.section}>
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
                {t(`grade.${g}` as MessageKey)}
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
                  selectionCell={{ radioIndicator: { "aria-label": t("ui.grid.select", { name: item.name || item.id }) } }}
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
