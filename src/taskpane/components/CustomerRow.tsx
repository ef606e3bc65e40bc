/**
 * One customer in the list: a button of two lines (name, grade badge and score; what stands out)
 * that opens the details right under it and brings them into view. Text cut to fit the pane
 * shows in full in a tooltip while the row is hovered or focused (Escape hides it); screen
 * readers get it in full from the button itself. The tooltip is a box under the row rather than
 * Fluent's Tooltip, whose positioning engine would add 15 KB (gzip) to the pane for one line.
 */
import "../../engine/i18n/ui";
import { createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronRight16Regular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import { Policy } from "../../engine/policy";
import { CustomerChange } from "../../engine/review/changes";
import { CustomerResult } from "../../engine/review/review";
import { AmountMarks } from "../../engine/review/total-currencies";
import { formatScore } from "../../engine/review/texts";
import { ErrorLine, hasDataError, standOutLine } from "../customers";
import { useLang } from "../i18n";
import { CustomerDetail, CustomerDetailProps } from "./CustomerDetail";
import { GradeBadge } from "./GradeBadge";
import { usePanelStyles } from "./styles";

const useStyles = makeStyles({
  item: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  // The tooltip's box hangs under the row's button, not under the item, which holds the open details too.
  anchor: { position: "relative" },
  tip: {
    position: "absolute",
    zIndex: 2,
    top: "100%",
    insetInline: tokens.spacingHorizontalXS,
    marginTop: `calc(-1 * ${tokens.spacingVerticalXS})`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow16,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
  row: {
    // The focus ring is drawn in an ::after placed against the nearest positioned box: the button's own, not the item holding the details too.
    position: "relative",
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    textAlign: "start",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":active": { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ...createFocusOutlineStyle(),
  },
  open: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  chevron: { display: "flex", paddingTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3 },
  body: { display: "flex", flexDirection: "column", flex: "1 1 0", minWidth: 0 },
  // Name, then grade and score; in a very narrow pane grade and score go under the name.
  first: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  cut: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0 },
  name: { flex: "1 1 6em", fontWeight: tokens.fontWeightSemibold },
  meta: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalS, marginInlineStart: "auto" },
  second: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  detail: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalM}`,
    paddingInlineStart: `min(${tokens.spacingHorizontalXXL}, 6vw)`,
    overflowWrap: "anywhere",
  },
});

export interface CustomerRowProps {
  readonly customer: CustomerResult;
  readonly sheet: string;
  readonly policy: Policy;
  readonly marks?: AmountMarks;
  readonly change?: CustomerChange;
  readonly response?: CustomerDetailProps["response"];
  readonly open: boolean;
  onToggle(): void;
  onGoTo(cell: NonNullable<ErrorLine["cell"]>): void;
}

/** Whether any text of the row is cut off by its ellipsis. */
function cutText(row: HTMLElement | null): boolean {
  return [...(row?.querySelectorAll<HTMLElement>("[data-cut]") ?? [])].some((el) => el.scrollWidth > el.clientWidth + 1);
}

export function CustomerRow({ customer: c, sheet, policy, marks, change, response, open, onToggle, onGoTo }: CustomerRowProps) {
  const { lang, t } = useLang();
  const styles = useStyles();
  const panel = usePanelStyles();
  const rowRef = useRef<HTMLButtonElement>(null);
  const itemRef = useRef<HTMLLIElement>(null);
  const [tip, setTip] = useState(false);
  const showTip = () => setTip(cutText(rowRef.current));
  const hideTip = () => setTip(false);
  const name = c.name || c.id;
  const second = standOutLine(c, lang, t, policy, marks);
  const detailId = `customer-${c.row}`;

  useEffect(() => {
    // The row and its details, or as much as fits from the row down.
    if (open) itemRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [open]);

  return (
    <li ref={itemRef} className={styles.item}>
      <div className={styles.anchor} onPointerEnter={showTip} onPointerLeave={hideTip}>
        <button
          ref={rowRef}
          type="button"
          className={mergeClasses(styles.row, open && styles.open)}
          aria-expanded={open}
          aria-controls={open ? detailId : undefined}
          onClick={() => {
            // A click answers the row: its tooltip would stay over the details or the list below until the pointer left.
            hideTip();
            onToggle();
          }}
          onFocus={showTip}
          onBlur={hideTip}
          onKeyDown={(event) => event.key === "Escape" && hideTip()}
        >
          <span className={styles.chevron}>{open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}</span>
          <span className={styles.body}>
            <span className={styles.first}>
              <span data-cut className={mergeClasses(styles.cut, styles.name)}>
                {name}
              </span>
              <span className={styles.meta}>
                <GradeBadge grade={hasDataError(c) ? undefined : c.grade} />
                {c.score !== undefined && !hasDataError(c) && (
                  <span className={panel.figure}>
                    <span className={panel.visuallyHidden}>
                      {t("ui.detail.score")}
                      {t("sep.label")}
                    </span>
                    {formatScore(c.score, policy, lang)}
                  </span>
                )}
              </span>
            </span>
            <span data-cut className={mergeClasses(styles.cut, styles.second)}>
              {second}
            </span>
          </span>
        </button>
        {tip && (
          <span className={styles.tip} aria-hidden data-tip>
            {name}
            <br />
            {second}
          </span>
        )}
      </div>
      {open && (
        <div id={detailId} role="region" aria-label={name} className={styles.detail}>
          <CustomerDetail
            customer={c}
            sheet={sheet}
            policy={policy}
            marks={marks}
            change={change}
            response={response}
            onGoTo={onGoTo}
          />
        </div>
      )}
    </li>
  );
}
