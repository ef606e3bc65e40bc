/** Styles the pane's parts share: a titled section, a plain bulleted list, text only screen readers get. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const usePanelStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  list: {
    margin: 0,
    listStyleType: "disc",
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  /** Read by screen readers, not shown (the clip pattern: it keeps its place in the reading order). */
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  /** Numbers are never broken inside (3,740,500.00 stays on one line at any zoom). */
  figure: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  muted: { color: tokens.colorNeutralForeground3 },
  /** Headings take no margins of their own: the sections' gaps space them. */
  heading: { margin: 0 },
  /** A button whose words wrap rather than push the pane wider (long labels at 320 px or 200% zoom). */
  wrapButton: { maxWidth: "100%", minWidth: 0, height: "auto", whiteSpace: "normal", overflowWrap: "anywhere" },
  /** A Field that may shrink below its control's natural width (a select's longest option). */
  narrowField: { minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
  /** A control that may shrink with its Field. */
  shrink: { minWidth: 0, maxWidth: "100%", "& input, & select": { minWidth: 0 } },
});
