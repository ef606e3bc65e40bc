/**
 * The outcome of the last operation: a message bar with a title, one line or a list of them, and
 * what to do next. It takes the focus when an operation ends (so it is focusable by script, not
 * by Tab), and every new notice is announced through the pane's live regions, a notice that
 * replaces another too. Fluent's MessageBar announces only when it mounts or its politeness
 * changes, and runs its title into its lines, so it is kept silent and the notice speaks for it.
 * A question's caution is shown by it too, quiet: the question says it.
 */
import {
  AnnounceContextValue,
  AnnounceProvider,
  Button,
  createFocusOutlineStyle,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
  useAnnounce,
} from "@fluentui/react-components";
import { Ref, useEffect, useRef } from "react";
import { useLang } from "../i18n";
import { Notice, noticeSpeech } from "../notices";
import { usePanelStyles } from "./styles";

const SILENT: AnnounceContextValue = { announce: () => undefined };

const useStyles = makeStyles({
  // The focus ring is drawn in an ::after placed against its nearest positioned box: the bar's own.
  bar: { position: "relative", ...createFocusOutlineStyle({ selector: "focus" }) },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  body: { overflowWrap: "anywhere" },
});

export interface NoticeBarProps {
  readonly notice: Notice | null;
  readonly ref?: Ref<HTMLDivElement>;
  /**
   * Said by what it belongs to rather than on its own: a caution in a question is its answer's
   * description (`bodyId`), read when the answer takes the focus, not announced as well.
   */
  readonly quiet?: boolean;
  /** The id of its words (its title and lines, not its buttons), for an aria-describedby. */
  readonly bodyId?: string;
}

export function NoticeBar({ notice, ref, quiet = false, bodyId }: NoticeBarProps) {
  const { lang, t } = useLang();
  const styles = useStyles();
  const panel = usePanelStyles();
  const { announce } = useAnnounce();
  // Said once per notice, in the language it was shown in: a language switch does not repeat it.
  const words = useRef({ t, lang });
  words.current = { t, lang };
  useEffect(() => {
    if (!notice || quiet) return;
    const alert = notice.intent === "error" || notice.intent === "warning";
    announce(noticeSpeech(notice, words.current.t, words.current.lang), alert ? { alert: true } : { polite: true });
  }, [notice, announce, quiet]);
  if (!notice) return null;
  const shown = notice.render(t, lang);
  return (
    <AnnounceProvider value={SILENT}>
      <MessageBar ref={ref} tabIndex={-1} className={styles.bar} intent={notice.intent} layout="multiline">
        <MessageBarBody id={bodyId} className={styles.body}>
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
    </AnnounceProvider>
  );
}
