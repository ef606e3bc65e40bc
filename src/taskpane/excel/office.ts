/**
 * Office's common API, apart from Excel's: the column mapping remembered in the workbook's
 * settings, Office's display language and start-up (Office.onReady).
 */
import { INPUT_FIELDS, InputField } from "../../engine/review/fields";

export const MAPPING_SETTING = "credit.columnMapping";

/** The user's header → field mapping remembered in this workbook (unknown fields dropped). */
export function loadMapping(): Record<string, InputField> {
  const raw: unknown = Office.context?.document?.settings?.get(MAPPING_SETTING);
  const mapping: Record<string, InputField> = {};
  if (raw && typeof raw === "object") {
    for (const [header, field] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof field === "string" && (INPUT_FIELDS as readonly string[]).includes(field)) mapping[header] = field as InputField;
    }
  }
  return mapping;
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
