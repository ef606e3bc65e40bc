/** The outcome of the last operation: a message bar with a title and one line or a list of them. */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { useLang } from "../i18n";
import type { Notice } from "../notices";

const useStyles = makeStyles({
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function NoticeBar({ notice }: { notice: Notice | null }) {
  const { lang, t } = useLang();
  const styles = useStyles();
  if (!notice) return null;
  const shown = notice.render(t, lang);
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>
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
    </MessageBar>
  );
}
