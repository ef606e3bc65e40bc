/**
 * What to review: the customer sheet and the as-of date. After a review it folds into one line
 * (sheet · date · Change) so the results start near the top of the pane.
 */
import "../../engine/i18n/ui";
import { Button, Field, Input, Link, makeStyles, mergeClasses, Select, Text, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { useLang } from "../i18n";
import { usePanelStyles } from "./styles";

const useStyles = makeStyles({
  setup: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  grow: { flex: "1 1 10em", minWidth: 0 },
  line: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  what: { minWidth: 0, overflowWrap: "anywhere" },
});

export interface SetupSectionProps {
  /** Folded into one line (after a review, until the user asks to change it). */
  readonly folded: boolean;
  /** The sheets that can be reviewed (not our review sheets, not invoice ledgers). */
  readonly sheetChoices: readonly string[];
  readonly sheet: string;
  /** The as-of date as typed (yyyy-mm-dd), and whether it reads as a date. */
  readonly asOfText: string;
  /** The date the review shown is as of, as the language writes dates: the folded line's. */
  readonly reviewedAsOf?: string;
  readonly asOfValid: boolean;
  /** Why a date that reads is refused (asOfFarText), said in place of "not a date". */
  readonly asOfRefusal?: string;
  /** Said under a valid date far after today (asOfAheadText): a year typed wrong is caught before the review is written. */
  readonly asOfCaution?: string;
  readonly busy: boolean;
  onUnfold(): void;
  onSheet(sheet: string): void;
  onRefresh(): void;
  onAsOf(text: string): void;
}

export function SetupSection(props: SetupSectionProps) {
  const { folded, sheetChoices, sheet, asOfText, asOfValid, asOfCaution, busy } = props;
  const { t } = useLang();
  const styles = useStyles();
  const panel = usePanelStyles();
  const select = useRef<HTMLSelectElement>(null);
  const unfolding = useRef(false);
  useEffect(() => {
    // Change was pressed: the sheet choice it opened takes the focus.
    if (!folded && unfolding.current) select.current?.focus();
    unfolding.current = false;
  }, [folded]);

  if (folded) {
    return (
      <section className={styles.line} aria-label={t("ui.setup.label")}>
        <Text weight="semibold" className={styles.what}>
          {sheet}
        </Text>
        <Text aria-hidden>·</Text>
        <Text>{props.reviewedAsOf ?? asOfText}</Text>
        {/* A link's colour and underline, as Office panes show "Change": a transparent button read as plain text. */}
        <Link
          as="button"
          type="button"
          aria-label={t("ui.setup.changeLabel")}
          disabledFocusable={busy}
          onClick={() => {
            unfolding.current = true;
            props.onUnfold();
          }}
        >
          {t("ui.setup.change")}
        </Link>
      </section>
    );
  }
  return (
    <section className={styles.setup} aria-label={t("ui.setup.label")}>
      <div className={styles.row}>
        <Field
          label={t("ui.sheet.label")}
          className={mergeClasses(styles.grow, panel.narrowField)}
          validationMessage={sheetChoices.length === 0 && !busy ? t("ui.sheet.none") : undefined}
        >
          <Select
            ref={select}
            value={sheet}
            disabled={busy || sheetChoices.length === 0}
            onChange={(_, data) => props.onSheet(data.value)}
          >
            {sheetChoices.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Button className={panel.wrapButton} disabledFocusable={busy} onClick={props.onRefresh}>
          {t("ui.sheet.refresh")}
        </Button>
      </div>
      <Field
        label={t("ui.asOf.label")}
        className={panel.narrowField}
        validationState={!asOfValid ? "error" : asOfCaution ? "warning" : "none"}
        validationMessage={!asOfValid ? (props.asOfRefusal ?? t("ui.asOf.invalid")) : asOfCaution}
      >
        <Input
          className={panel.shrink}
          type="date"
          value={asOfText}
          disabled={busy}
          onChange={(_, data) => props.onAsOf(data.value)}
        />
      </Field>
    </section>
  );
}
