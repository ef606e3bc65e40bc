/**
 * The outcome of the last operation: a message bar with a title, one line or a list of them, and
 * what to do next. It takes the focus when an operation ends (so it is focusable by script, not
 * by Tab) and announces itself through the pane's live regions when it appears.
 */
import {
  Button,
  createFocusOutlineStyle,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { Ref } from "react";
import { useLang } from "../i18n";
import type { Notice } from "../notices";
import { usePanelStyles } from "./styles";

const useStyles = makeStyles({
  bar: { ...createFocusOutlineStyle({ selector: "focus" }) },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  body: { overflowWrap: "anywhere" },
});

export function NoticeBar({ notice, ref }: { notice: Notice | null; ref?: Ref<HTMLDivElement> }) {
  const { lang, t } = useLang();
  const styles = useStyles();
  const panel = usePanelStyles();
  if (!notice) return null;
  const shown = notice.render(t, lang);
  return (
    <MessageBar ref={ref} tabIndex={-1} className={styles.bar} intent={notice.intent} layout="multiline">
      <MessageBarBody className={styles.body}>
        {shown.title && <MessageBarTitle>{shown.title}</MessageBarTitle>}
        {shown.lines.length === 1 ? (
          shown.lines[0]
        ) : (
          <ul className={styles.lines}>
            {shown.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {notice.actions && notice.actions.length > 0 && (
        <MessageBarActions>
          {notice.actions.map((a) => (
            <Button key={a.key} size="small" className={panel.wrapButton} onClick={a.run}>
              {t(a.key, a.params)}
            </Button>
          ))}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
