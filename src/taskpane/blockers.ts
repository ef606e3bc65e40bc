/**
 * Why Review or Write back is unavailable, in the words the action bar shows beside the button,
 * with the one fix the pane can offer (taking the user to the policy field at fault).
 */
import "../engine/i18n/ui";
import { MessageKey, Translate } from "../engine/i18n";
import { Policy, POLICY_FIELDS } from "../engine/policy";
import { Blocker } from "./review-state";
import type { Unavailable } from "./components/ActionBar";

const BLOCKER_TEXT: Record<Blocker, MessageKey> = {
  busy: "ui.reason.busy",
  noSheet: "ui.reason.noSheet",
  badDate: "ui.reason.badDate",
  policy: "ui.reason.policy",
  policyChanged: "ui.reason.policyChanged",
  noReview: "ui.reason.noReview",
  written: "ui.reason.written",
};

export function unavailableBecause(
  blocker: Blocker | undefined,
  policyField: keyof Policy | undefined,
  t: Translate,
  goToPolicyField: (field: keyof Policy) => void,
): Unavailable | undefined {
  if (!blocker) return undefined;
  if (blocker !== "policy") return { key: BLOCKER_TEXT[blocker] };
  const label = POLICY_FIELDS.find((f) => f.key === policyField)?.label;
  return {
    key: label ? "ui.reason.policyField" : "ui.reason.policy",
    params: label ? { field: t(label) } : undefined,
    fix: policyField ? { key: "ui.reason.goToField", run: () => goToPolicyField(policyField) } : undefined,
  };
}
