/**
 * The policy as a form generated from POLICY_FIELDS, checked by the engine as the user types.
 * An error is said once, by the field it is about (its alert); the note above the form names
 * that field and takes the focus there, with a ring around it that stays until the focus leaves:
 * Fluent draws its own ring only for focus moved by the keyboard, and a field reached by a button
 * press must still show where the user landed. Saving writes the policy sheet, so only Save policy
 * saves (Enter in a field does not), and it first asks, as Write back does.
 */
import "../../engine/i18n/ui";
import { Button, Field, Input, Link, makeStyles, mergeClasses, Select, Text, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { Policy, POLICY_FIELDS } from "../../engine/policy";
import { Z_MODELS } from "../../engine/z-models";
import { useLang } from "../i18n";
import { fieldHint, PolicyForm, PolicyProblem } from "../model";
import { usePanelStyles } from "./styles";
import { POLICY_QUESTION, useQuestionFocus, WriteConfirmation, WriteQuestion } from "./WriteQuestion";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  problem: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorNeutralForeground1,
  },
  /**
   * The field the pane took the focus to: a ring in Fluent's focus colour, drawn whatever moved the
   * focus (under :focus-within, so that it wins over the transparent outline Fluent's Input sets there).
   */
  landed: {
    ":focus-within": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.strokeWidthThick,
    },
  },
});

export interface PolicyPanelProps {
  readonly form: PolicyForm;
  readonly problem?: PolicyProblem;
  /** The version the form's settings make (none while they have an error). */
  readonly version?: string;
  /** Where the policy came from, already in words. */
  readonly source: string;
  readonly busy: boolean;
  /** A field to move the focus to (its key), once; `onFocused` says it was done. */
  readonly focusField?: keyof Policy;
  onFocused(): void;
  onChange(key: keyof Policy, value: string): void;
  /** Asks to save: what the save will change comes back as `confirm`. */
  onSave(): void;
  /** Set while Save policy waits for the user to confirm. */
  readonly confirm?: WriteConfirmation;
  onReset(): void;
}

export function PolicyPanel(props: PolicyPanelProps) {
  const { form, problem, version, source, busy, focusField, onFocused, onChange, onSave, onReset, confirm } = props;
  const { t } = useLang();
  const styles = useStyles();
  const panel = usePanelStyles();
  const controls = useRef(new Map<string, HTMLInputElement | HTMLSelectElement>());
  const { askButton: saveButton, yesButton } = useQuestionFocus(confirm !== undefined);
  /** The field the pane took the focus to, ringed until the focus leaves it. */
  const [landed, setLanded] = useState<string>();
  const goTo = useCallback((key: string) => {
    const control = controls.current.get(key);
    if (!control) return;
    control.focus();
    control.scrollIntoView?.({ block: "center" });
    setLanded(key);
  }, []);
  useEffect(() => {
    if (focusField === undefined) return;
    goTo(focusField);
    onFocused();
  }, [focusField, onFocused, goTo]);
  const keep = (key: string) => (el: HTMLInputElement | HTMLSelectElement | null) => {
    if (el) controls.current.set(key, el);
    else controls.current.delete(key);
  };
  const badLabel = problem?.field ? t(POLICY_FIELDS.find((f) => f.key === problem.field)!.label) : undefined;
  return (
    <form
      className={styles.form}
      aria-describedby="policy-intro"
      // No submit button, so Enter in a field saves nothing; this only guards against a stray submit.
      onSubmit={(event) => event.preventDefault()}
    >
      <Text id="policy-intro">{t("ui.policy.intro")}</Text>
      <Text>{source}</Text>
      {version && <Text>{t("ui.policy.version", { version })}</Text>}
      {problem && (
        <div className={styles.problem}>
          {badLabel ? (
            <>
              {t("ui.policy.invalidField", { field: badLabel })}{" "}
              <Link as="button" type="button" inline onClick={() => goTo(problem.field!)}>
                {t("ui.reason.goToField")}
              </Link>
            </>
          ) : (
            <span role="alert">{t("ui.policy.invalid", { text: problem.text })}</span>
          )}
        </div>
      )}
      {POLICY_FIELDS.map((field) => {
        const hint = fieldHint(field);
        const bad = problem?.field === field.key;
        const control = {
          ref: keep(field.key),
          className: mergeClasses(panel.shrink, landed === field.key && styles.landed),
          onBlur: () => setLanded((key) => (key === field.key ? undefined : key)),
        };
        return (
          <Field
            key={field.key}
            className={panel.narrowField}
            label={t(field.label)}
            hint={hint ? t(hint) : undefined}
            validationState={bad ? "error" : "none"}
            validationMessage={bad ? problem!.text : undefined}
          >
            {field.kind === "model" ? (
              <Select {...control} value={form[field.key] ?? ""} onChange={(_, data) => onChange(field.key, data.value)}>
                {Z_MODELS.map((m) => (
                  <option key={m} value={m}>
                    {t(`zmodel.${m}`)}
                  </option>
                ))}
              </Select>
            ) : (
              <Input
                {...control}
                value={form[field.key] ?? ""}
                inputMode={field.kind === "list" ? "text" : "decimal"}
                onChange={(_, data) => onChange(field.key, data.value)}
              />
            )}
          </Field>
        );
      })}
      {confirm ? (
        <WriteQuestion words={POLICY_QUESTION} confirm={confirm} yesButton={yesButton} />
      ) : (
        <div className={styles.actions}>
          <Button
            ref={saveButton}
            className={panel.wrapButton}
            appearance="primary"
            type="button"
            disabledFocusable={busy || problem !== undefined}
            onClick={() => {
              if (!problem && !busy) onSave();
            }}
          >
            {t("ui.policy.save")}
          </Button>
          <Button className={panel.wrapButton} type="button" disabledFocusable={busy} onClick={onReset}>
            {t("ui.policy.reset")}
          </Button>
        </div>
      )}
    </form>
  );
}
