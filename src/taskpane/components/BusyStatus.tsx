/** The live region that tells what the pane is doing, with a progress bar while it works. */
import { Field, ProgressBar } from "@fluentui/react-components";
import { useLang } from "../i18n";
import type { Busy } from "../use-operation";

export function BusyStatus({ busy }: { busy: Busy | null }) {
  const { t } = useLang();
  return (
    <div role="status" aria-live="polite">
      {busy && (
        <Field validationMessage={t(busy.key, busy.params)} validationState="none">
          <ProgressBar aria-label={t("ui.status.progress")} value={busy.value} max={1} />
        </Field>
      )}
    </div>
  );
}
