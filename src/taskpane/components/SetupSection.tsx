/** What to review and the two actions: the customer sheet, the as-of date, Review and Write back. */
import { Button, Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useLang } from "../i18n";

const useStyles = makeStyles({
  setup: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  grow: { flexGrow: 1, minWidth: "140px" },
});

export interface SetupSectionProps {
  /** The sheets that can be reviewed (the workbook's own, not our review sheets). */
  readonly sheetChoices: readonly string[];
  readonly sheet: string;
  /** The as-of date as typed (yyyy-mm-dd), and whether it reads as a date. */
  readonly asOfText: string;
  readonly asOfValid: boolean;
  /** False while the policy form has an error: the review waits for it. */
  readonly policyValid: boolean;
  readonly busy: boolean;
  readonly canReview: boolean;
  readonly canWrite: boolean;
  onSheet(sheet: string): void;
  onRefresh(): void;
  onAsOf(text: string): void;
  onReview(): void;
  onWrite(): void;
}

export function SetupSection(props: SetupSectionProps) {
  const { sheetChoices, sheet, asOfText, asOfValid, policyValid, busy, canReview, canWrite } = props;
  const { t } = useLang();
  const styles = useStyles();
  return (
    <section className={styles.setup} aria-label={t("ui.sheet.label")}>
      <div className={styles.row}>
        <Field
          label={t("ui.sheet.label")}
          className={styles.grow}
          validationMessage={sheetChoices.length === 0 && !busy ? t("ui.sheet.none") : undefined}
        >
          <Select value={sheet} disabled={busy || sheetChoices.length === 0} onChange={(_, data) => props.onSheet(data.value)}>
            {sheetChoices.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabled={busy} onClick={props.onRefresh}>
          {t("ui.sheet.refresh")}
        </Button>
      </div>
      <Field
        label={t("ui.asOf.label")}
        validationState={asOfValid ? "none" : "error"}
        validationMessage={asOfValid ? undefined : t("ui.asOf.invalid")}
      >
        <Input type="date" value={asOfText} disabled={busy} onChange={(_, data) => props.onAsOf(data.value)} />
      </Field>
      {!policyValid && <Text role="alert">{t("ui.policy.fixFirst")}</Text>}
      <div className={styles.row}>
        <Button appearance="primary" disabled={!canReview} onClick={props.onReview}>
          {t("ui.action.review")}
        </Button>
        <Button disabled={!canWrite} onClick={props.onWrite} aria-describedby="write-hint">
          {t("ui.action.write")}
        </Button>
      </div>
      <Text id="write-hint" size={200}>
        {t("ui.action.writeHint")}
      </Text>
    </section>
  );
}
