/**
 * The policy the pane reviews with: the form as typed, checked by the engine as the user types,
 * where it came from (the defaults, or the workbook's policy sheet and whether that sheet passed
 * the checks), and whether the user has edited it since.
 */
import "../engine/i18n/ui";
import { useCallback, useMemo, useRef, useState } from "react";
import { CellValue } from "../engine/cells";
import { CreditError, describeError } from "../engine/errors";
import { Lang, Translate } from "../engine/i18n";
import { DEFAULT_POLICY, Policy } from "../engine/policy";
import { readPolicySheet } from "../engine/review/policy-sheet";
import { formToPolicy, PolicyForm, policyToForm } from "./model";

export function usePolicyForm(lang: Lang, t: Translate) {
  const [form, setForm] = useState<PolicyForm>(() => policyToForm(DEFAULT_POLICY));
  const [source, setSource] = useState<{ sheet?: string; error?: unknown }>({});
  /** Edited since it was read from the sheet or saved: a review then uses the form, not the sheet. */
  const [dirty, setDirty] = useState(false);
  const check = useMemo(() => formToPolicy(form, lang), [form, lang]);
  const sheetValues = useRef<CellValue[][] | undefined>(undefined);

  /** The workbook's policy sheet into the form; one that fails the checks is reported and the form kept. */
  const adoptSheet = useCallback((sheet: { name: string; values: CellValue[][] }): Policy | undefined => {
    sheetValues.current = sheet.values;
    try {
      const policy = readPolicySheet(sheet.values, sheet.name);
      setForm(policyToForm(policy));
      setSource({ sheet: sheet.name });
      return policy;
    } catch (error) {
      setSource({ sheet: sheet.name, error });
      return undefined;
    }
  }, []);

  const edit = useCallback((key: keyof Policy, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setDirty(true);
  }, []);

  const reset = useCallback(() => {
    setForm(policyToForm(DEFAULT_POLICY));
    setDirty(true);
  }, []);

  /** The form was written to the policy sheet: that sheet is now where it comes from. */
  const saved = useCallback((sheet: string) => {
    setSource({ sheet });
    setDirty(false);
  }, []);

  const sourceText = source.error
    ? t("ui.policy.sheetError", {
        sheet: source.sheet ?? "",
        // The sheet is named by the sentence around it; the error adds the row and the setting.
        text:
          source.error instanceof CreditError
            ? describeError({ ...source.error, place: { ...source.error.place, sheet: undefined } }, lang)
            : String(source.error),
      })
    : source.sheet
      ? t("ui.policy.source.sheet", { sheet: source.sheet })
      : t("ui.policy.source.default");

  /** The policy sheet's values as last read: Save policy writes its table over them, keeping what is beside it. */
  const lastSheetValues = useCallback(() => sheetValues.current, []);
  return { form, check, dirty, sourceText, adoptSheet, edit, reset, saved, lastSheetValues };
}
