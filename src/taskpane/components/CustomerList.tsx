/**
 * The reviewed customers as a list that scans in a narrow pane: two lines a customer (name, grade
 * badge, score; what stands out below), "needs attention first" by default, filtered by grade or
 * text. A row opens the customer's details right under it and selects its row on the sheet.
 */
import "../../engine/i18n/ui";
import { Button, Field, Input, makeStyles, Select, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { GRADES, Policy } from "../../engine/policy";
import { CustomerChange, ReviewChanges } from "../../engine/review/changes";
import { gradeName } from "../../engine/review/texts";
import { CustomerResult } from "../../engine/review/review";
import { AmountMarks } from "../../engine/review/total-currencies";
import { CUSTOMER_ORDERS, CustomerOrder, ErrorLine, filterCustomers, GradeFilter, sortCustomers } from "../customers";
import { formatCount, useLang } from "../i18n";
import { CustomerRow } from "./CustomerRow";
import { usePanelStyles } from "./styles";

/** Rows rendered at once; "Show more" adds as many again (a 100,000-row sheet stays responsive). */
export const PAGE_SIZE = 200;

const useStyles = makeStyles({
  filters: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    // Wide enough for the longest choice ("Needs attention first"): narrower panes stack the fields rather than cut it.
    "& > *": { flex: "1 1 12em", minWidth: 0 },
  },
  rows: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface CustomerListProps {
  readonly customers: readonly CustomerResult[];
  readonly sheet: string;
  /** The review's policy: the actions' reasons quote its thresholds. */
  readonly policy: Policy;
  /** What changed since the last review; absent without an archive. */
  readonly changes?: ReviewChanges;
  /** The sheet row of the open customer. */
  readonly openRow?: number;
  /** Whether the customers at risk rank by balance: the portfolio's balances are in one currency (see byBalance). */
  readonly byBalance: boolean;
  /** The customers' amounts shown with their currency (those whose portfolio totals are in two); none when absent. */
  readonly marks?: AmountMarks;
  onOpen(c: CustomerResult | undefined): void;
  onGoTo(cell: NonNullable<ErrorLine["cell"]>): void;
}

export function CustomerList({
  customers,
  sheet,
  policy,
  changes,
  openRow,
  byBalance,
  marks,
  onOpen,
  onGoTo,
}: CustomerListProps) {
  const { lang, t } = useLang();
  const styles = useStyles();
  const panel = usePanelStyles();
  const [grade, setGrade] = useState<GradeFilter>("all");
  const [search, setSearch] = useState("");
  const [order, setOrder] = useState<CustomerOrder>("attention");
  const [limit, setLimit] = useState(PAGE_SIZE);
  const listRef = useRef<HTMLUListElement>(null);
  /**
   * The first customer "Show more" added, which takes the focus: the button itself is gone after
   * the last page, and a keyboard user goes on reading where the list grew either way.
   */
  const [focusFrom, setFocusFrom] = useState<number>();
  useEffect(() => {
    if (focusFrom === undefined) return;
    listRef.current?.children[focusFrom]?.querySelector<HTMLButtonElement>("button")?.focus();
    setFocusFrom(undefined);
  }, [focusFrom]);

  const shownAll = useMemo(
    () => sortCustomers(filterCustomers(customers, grade, search), order, lang, byBalance),
    [customers, grade, search, order, lang, byBalance],
  );
  const shown = shownAll.slice(0, limit);
  // How many match of all the review's customers (when a filter is set), and how many of those are shown so far.
  const filtered = grade !== "all" || search.trim() !== "";
  const paged = shown.length < shownAll.length;
  const countKey = filtered
    ? paged
      ? "ui.list.matchingFirst"
      : "ui.list.matching"
    : paged
      ? "ui.list.showingFirst"
      : "ui.list.showingAll";
  const counts = {
    shown: formatCount(shown.length, lang),
    matching: formatCount(shownAll.length, lang),
    total: formatCount(customers.length, lang),
  };
  const changeByRow = useMemo(() => new Map<number, CustomerChange>(changes?.customers.map((c) => [c.row, c])), [changes]);
  const responseByRow = useMemo(() => {
    const responses = changes?.responses;
    return new Map(responses?.customers.map((customer) => [customer.row, { customer, of: responses }]));
  }, [changes]);

  return (
    <section aria-labelledby="list-heading" className={panel.section}>
      <Subtitle2 className={panel.heading} as="h2" id="list-heading">
        {t("ui.list.heading")}
      </Subtitle2>
      <div className={styles.filters}>
        <Field label={t("ui.filter.grade")} className={panel.narrowField}>
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
        <Field label={t("ui.list.order")} className={panel.narrowField}>
          <Select value={order} onChange={(_, data) => setOrder(data.value as CustomerOrder)}>
            {CUSTOMER_ORDERS.map((o) => (
              <option key={o} value={o}>
                {t(`ui.order.${o}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("ui.filter.search")} className={panel.narrowField}>
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
      <Text role="status">{shownAll.length === 0 ? t("ui.list.empty") : t(countKey, counts)}</Text>
      {shown.length > 0 && (
        <ul ref={listRef} className={styles.rows} aria-label={t("ui.list.label")}>
          {shown.map((c) => (
            <CustomerRow
              key={c.row}
              customer={c}
              sheet={sheet}
              policy={policy}
              marks={marks}
              change={changeByRow.get(c.row)}
              response={responseByRow.get(c.row)}
              open={c.row === openRow}
              onToggle={() => onOpen(c.row === openRow ? undefined : c)}
              onGoTo={onGoTo}
            />
          ))}
        </ul>
      )}
      {shown.length < shownAll.length && (
        <Button
          onClick={() => {
            setFocusFrom(shown.length);
            setLimit((n) => n + PAGE_SIZE);
          }}
        >
          {t("ui.list.showMore")}
        </Button>
      )}
    </section>
  );
}
