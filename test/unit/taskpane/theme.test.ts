/** The pane's theme follows Office's: dark for Black and Dark Gray, light otherwise. */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { isDarkOffice, luminance, paneTheme } from "../../../src/taskpane/theme";

test("Office's own flag decides where the host has it", () => {
  expect(paneTheme({ isDark: true, bodyBackgroundColor: "#FFFFFF" })).toBe(webDarkTheme);
  expect(paneTheme({ isDark: false, bodyBackgroundColor: "#262626" })).toBe(webLightTheme);
});

test.each([
  ["#262626", true], // Black
  ["#444444", true], // Dark Gray
  ["#FFFFFF", false], // White, Colorful
  ["#e6e6e6", false],
  ["#fff", false],
  ["not a colour", false],
  [undefined, false],
])("without the flag, the body background %s is dark: %s", (color, dark) => {
  expect(isDarkOffice({ bodyBackgroundColor: color })).toBe(dark);
});

test("no theme from Office (an older host): light", () => {
  expect(paneTheme(undefined)).toBe(webLightTheme);
});

test("luminance is WCAG's relative luminance", () => {
  expect(luminance("#000000")).toBe(0);
  expect(luminance("#FFFFFF")).toBeCloseTo(1, 10);
  expect(luminance("#777777")).toBeCloseTo(0.184, 3);
});
