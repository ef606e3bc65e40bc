/**
 * The policy the pane reviews with: the form as typed, checked by the engine as the user types,
 * where it came from (the defaults, or the workbook's policy sheet and whether that sheet passed
 * the checks), and whether it holds edits not saved.
 */
import "../engine/i18n/ui";
import { useCallback, useMemo, useRef, useState } from "react";
import { CellValue } from "../engine/cells";
import { CreditError, describeError } from "../engine/errors";
import { Lang, Translate } from "../engine/i18n";
import { DEFAULT_POLICY, Policy } from "../engine/policy";
import { readPolicySheet } from "../engine/review/policy-sheet";
import { formToPolicy, formVersion, PolicyForm, policyToForm } from "./model";

/** A policy the policy sheet holds now, written by the pane (Save policy or Write back). */
export interface WrittenPolicy {
  readonly sheet: string;
  readonly policy: Policy;
  /** The sheet's values from A1 as the write left them. */
  readonly values: CellValue[][];
}

export function usePolicyForm(lang: Lang, t: Translate) {
  const [form, setForm] = useState<PolicyForm>(() => policyToForm(DEFAULT_POLICY));
  const [source, setSource] = useState<{ sheet?: string; error?: unknown }>({});
  /** The policy the form was last given: the defaults, the one read from the sheet, or the one written to it. */
  const [given, setGiven] = useState<Policy>(DEFAULT_POLICY);
  const check = useMemo(() => formToPolicy(form, lang), [form, lang]);
  const givenVersion = useMemo(() => formVersion(given), [given]);
  /** Edited since it was read from the sheet or written to it: a review then uses the form, not the sheet. */
  const dirty = check.policy?.version !== givenVersion;
  const sheetValues = useRef<CellValue[][] | undefined>(undefined);

  /** The workbook's policy sheet into the form; one that fails the checks is reported and the form kept. */
  const adoptSheet = useCallback((sheet: { name: string; values: CellValue[][] }): Policy | undefined => {
    sheetValues.current = sheet.values;
    try {
      const policy = readPolicySheet(sheet.values, sheet.name);
      setForm(policyToForm(policy));
      setGiven(policy);
      setSource({ sheet: sheet.name });
      return policy;
    } catch (error) {
      setSource({ sheet: sheet.name, error });
      return undefined;
    }
  }, []);

  const edit = useCallback((key: keyof Policy, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
  }, []);

  const reset = useCallback(() => {
    setForm(policyToForm(DEFAULT_POLICY));
  }, []);

  /** The policy sheet holds `written` now: that sheet is where the form's policy comes from, edits typed since aside. */
  const saved = useCallback((written: WrittenPolicy) => {
    sheetValues.current = written.values;
    setGiven(written.policy);
    setSource({ sheet: written.sheet });
  }, []);

  const sourceText = source.error
    ? t(dirty ? "ui.policy.sheetErrorEdited" : "ui.policy.sheetError", {
        sheet: source.sheet ?? "",
        // The sheet is named by the sentence around it; the error adds the row and the setting.
        text:
          source.error instanceof CreditError
            ? describeError({ ...source.error, place: { ...source.error.place, sheet: undefined } }, lang)
            : String(source.error),
      })
    : source.sheet
      ? t(dirty ? "ui.policy.source.sheetEdited" : "ui.policy.source.sheet", { sheet: source.sheet })
      : t(dirty ? "ui.policy.source.defaultEdited" : "ui.policy.source.default");

  /** The policy sheet's values as last read: Save policy writes its table over them, keeping what is beside it. */
  const lastSheetValues = useCallback(() => sheetValues.current, []);
  return { form, check, dirty, sourceText, adoptSheet, edit, reset, saved, lastSheetValues };
}
