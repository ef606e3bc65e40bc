/**
 * Office's common API, apart from Excel's: the column mapping remembered in the workbook's
 * settings, Office's display language and start-up (Office.onReady).
 */
import { MAPPING_SETTING, readColumnMapping } from "../../engine/review/column-mapping";
import { InputField } from "../../engine/review/fields";

/** The user's header → field mapping remembered in this workbook, read as every face reads it (readColumnMapping). */
export function loadMapping(): Record<string, InputField> {
  const raw: unknown = Office.context?.document?.settings?.get(MAPPING_SETTING);
  return { ...readColumnMapping(raw)?.mapping };
}

export function saveMapping(mapping: Readonly<Record<string, InputField>>): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(MAPPING_SETTING, { ...mapping });
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(new Error(result.error?.message ?? "settings.saveAsync failed"));
    });
  });
}

/** Whether the Excel the pane runs in has an ExcelApi requirement set; outside Office (tests of the pane alone), yes. */
export function excelApiSupported(version: string): boolean {
  if (typeof Office === "undefined") return true;
  return Office.context?.requirements?.isSetSupported?.("ExcelApi", version) !== false;
}

export function displayLanguage(): string | undefined {
  return typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
}

export function onOfficeReady(start: () => void): void {
  void Office.onReady(() => start());
}

/** What Office says of its theme: whether it is dark (Black, Dark Gray) and the pane's background colour. */
export interface OfficeThemeInfo {
  readonly isDark?: boolean;
  readonly bodyBackgroundColor?: string;
}

/** Office's theme (Office.context.officeTheme), or undefined where the host has none. */
export function officeThemeInfo(): OfficeThemeInfo | undefined {
  const theme = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  if (!theme) return undefined;
  // Documented as a boolean; some samples call it, so a function is read too.
  const dark: unknown = theme.isDarkTheme;
  const isDark =
    typeof dark === "function" ? Boolean((dark as () => unknown).call(theme)) : typeof dark === "boolean" ? dark : undefined;
  return { isDark, bodyBackgroundColor: theme.bodyBackgroundColor };
}
