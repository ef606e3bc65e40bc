/**
 * A risk grade as a badge: an icon and the word, so it reads without colour (and keeps its border
 * in high contrast). A span, not Fluent's Badge (a div), so it can sit inside a list row's button.
 */
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { CheckmarkCircle12Filled, DismissCircle12Filled, ErrorCircle12Filled, Warning12Filled } from "@fluentui/react-icons";
import { Grade } from "../../engine/policy";
import { useLang } from "../i18n";

const useStyles = makeStyles({
  badge: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXS,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid transparent`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
  },
  low: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
    ...shorthands.borderColor(tokens.colorPaletteGreenBorder1),
  },
  medium: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorPaletteYellowForeground2,
    ...shorthands.borderColor(tokens.colorPaletteYellowBorder1),
  },
  high: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
    ...shorthands.borderColor(tokens.colorPaletteRedBorder1),
  },
  error: {
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground2,
    ...shorthands.borderColor(tokens.colorNeutralStroke1),
  },
});

const ICONS = {
  low: <CheckmarkCircle12Filled aria-hidden />,
  medium: <Warning12Filled aria-hidden />,
  high: <ErrorCircle12Filled aria-hidden />,
  error: <DismissCircle12Filled aria-hidden />,
};

/** `grade` undefined: the row could not be graded (a data error). */
export function GradeBadge({ grade }: { grade: Grade | undefined }) {
  const { t } = useLang();
  const styles = useStyles();
  const look = grade ?? "error";
  return (
    <span className={mergeClasses(styles.badge, styles[look])}>
      {ICONS[look]}
      {grade ? t(`grade.${grade}`) : t("grade.dataError")}
    </span>
  );
}
