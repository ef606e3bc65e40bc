/**
 * The pane follows Office's theme: Office's dark themes (Black, Dark Gray) get Fluent's dark
 * theme, the others its light one. Windows high contrast needs nothing here: the browser's
 * forced colours override both, and Fluent's styles keep their borders and focus outlines there.
 */
import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { OfficeThemeInfo } from "./excel";

/** Relative luminance (WCAG) of "#rrggbb" or "#rgb"; undefined for anything else. */
export function luminance(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex?.trim() ?? "");
  if (!m) return undefined;
  const digits = m[1].length === 3 ? [...m[1]].map((d) => d + d).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Whether Office shows a dark theme: its own flag where the host has it, else a dark body
 * background (mid-grey and darker: where light text reads better than dark), else light.
 */
export function isDarkOffice(theme: OfficeThemeInfo | undefined): boolean {
  if (theme?.isDark !== undefined) return theme.isDark;
  const l = luminance(theme?.bodyBackgroundColor);
  return l !== undefined && l < 0.18;
}

export function paneTheme(theme: OfficeThemeInfo | undefined): Theme {
  return isDarkOffice(theme) ? webDarkTheme : webLightTheme;
}
