/** The policy as a form generated from POLICY_FIELDS, checked by the engine as the user types. */
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Policy, POLICY_FIELDS, Z_MODELS } from "../../engine/policy";
import { useLang } from "../i18n";
import { fieldHint, PolicyForm, PolicyProblem } from "../model";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface PolicyPanelProps {
  readonly form: PolicyForm;
  readonly problem?: PolicyProblem;
  /** Where the policy came from, already in words. */
  readonly source: string;
  readonly busy: boolean;
  onChange(key: keyof Policy, value: string): void;
  onSave(): void;
  onReset(): void;
}

export function PolicyPanel({ form, problem, source, busy, onChange, onSave, onReset }: PolicyPanelProps) {
  const { t } = useLang();
  const styles = useStyles();
  return (
    <form
      className={styles.form}
      aria-describedby="policy-intro"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem && !busy) onSave();
      }}
    >
      <Text id="policy-intro">{t("ui.policy.intro")}</Text>
      <Text>{source}</Text>
      {problem && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{t("ui.policy.invalid", { text: problem.text })}</MessageBarBody>
        </MessageBar>
      )}
      {POLICY_FIELDS.map((field) => {
        const hint = fieldHint(field);
        const bad = problem?.field === field.key;
        return (
          <Field
            key={field.key}
            label={t(field.label)}
            hint={hint ? t(hint) : undefined}
            validationState={bad ? "error" : "none"}
            validationMessage={bad ? problem!.text : undefined}
          >
            {field.kind === "model" ? (
              <Select value={form[field.key] ?? ""} onChange={(_, data) => onChange(field.key, data.value)}>
                {Z_MODELS.map((m) => (
                  <option key={m} value={m}>
                    {t(`zmodel.${m}`)}
                  </option>
                ))}
              </Select>
            ) : (
              <Input
                value={form[field.key] ?? ""}
                inputMode={field.kind === "text" || field.kind === "list" ? "text" : "decimal"}
                onChange={(_, data) => onChange(field.key, data.value)}
              />
            )}
          </Field>
        );
      })}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy || problem !== undefined}>
          {t("ui.policy.save")}
        </Button>
        <Button type="button" disabled={busy} onClick={onReset}>
          {t("ui.policy.reset")}
        </Button>
      </div>
    </form>
  );
}
